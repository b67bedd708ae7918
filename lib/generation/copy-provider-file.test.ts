import { mkdtemp, readdir, rm } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makePaddedMp4 } from "@/lib/media/test-media";
import type { FileStorage } from "@/lib/storage/file-storage";

/**
 * The worker's copy of finished videos goes through the outbound guard. `files` plays the
 * provider's file host (the environment's provider host, allowed by construction); `internal`
 * is another loopback service that must never be reached through a redirect.
 */

let files: Server;
let internal: Server;
let filesUrl: string;
let internalUrl: string;
let internalHits = 0;
let root: string;
let storage: FileStorage;
let copyProviderFile: typeof import("@/lib/generation/copy-provider-file").copyProviderFile;
const video = makePaddedMp4(200_000);

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  internal = createServer((_req, res) => {
    internalHits++;
    res.writeHead(200, { "Content-Type": "video/mp4" });
    res.end(video);
  });
  internalUrl = await listen(internal);
  files = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    if (url.pathname === "/ok.mp4") {
      res.writeHead(200, { "Content-Type": "video/mp4", "Content-Length": String(video.length) });
      res.end(video);
    } else if (url.pathname === "/to-internal.mp4") {
      res.writeHead(302, { Location: `${internalUrl}/video.mp4` });
      res.end();
    } else if (url.pathname === "/to-metadata.mp4") {
      res.writeHead(307, { Location: "http://169.254.169.254/latest/meta-data/iam" });
      res.end();
    } else if (url.pathname === "/hop.mp4") {
      res.writeHead(302, { Location: "/ok.mp4" });
      res.end();
    } else if (url.pathname === "/endless.mp4") {
      // No Content-Length: the size limit must stop the body itself.
      res.writeHead(200, { "Content-Type": "video/mp4" });
      const chunk = Buffer.alloc(64 * 1024);
      const pump = () => {
        while (!res.destroyed) if (!res.write(chunk)) return void res.once("drain", pump);
      };
      res.write(video.subarray(0, 64));
      pump();
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  filesUrl = await listen(files);
  root = await mkdtemp(path.join(os.tmpdir(), "avatar-studio-copy-"));
  Object.assign(process.env, {
    AUTH_SECRET: process.env.AUTH_SECRET ?? "x".repeat(40),
    SETTINGS_ENCRYPTION_KEY: process.env.SETTINGS_ENCRYPTION_KEY ?? "ab".repeat(32),
    UPSTREAM_BASE_URL: filesUrl,
    UPSTREAM_API_KEY: "sk-copy-test",
    STORAGE_DIR: root,
  });
  delete process.env.OUTBOUND_ALLOW_PRIVATE;
  delete process.env.OUTBOUND_ALLOWED_HOSTS;
  ({ copyProviderFile } = await import("@/lib/generation/copy-provider-file"));
  const { createDiskStorage } = await import("@/lib/storage/disk-storage");
  storage = createDiskStorage({ root, publicBaseUrl: "http://studio.test" });
});

afterAll(async () => {
  for (const s of [files, internal]) {
    s.closeAllConnections();
    await new Promise((resolve) => s.close(resolve));
  }
  await rm(root, { recursive: true, force: true });
});

const copy = (url: string, maxBytes = 1_000_000) =>
  copyProviderFile(url, { storage, teamId: "team1", baseName: "video-1", kind: "video", maxBytes });

async function storedFiles(): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.relative(root, path.join(e.parentPath, e.name)));
}

describe("copyProviderFile through the outbound guard", () => {
  it("copies a video from the provider's host, following a same-host redirect", async () => {
    const direct = await copy(`${filesUrl}/ok.mp4`);
    expect(direct.sizeBytes).toBe(video.length);
    const hopped = await copy(`${filesUrl}/hop.mp4`);
    expect(hopped.sizeBytes).toBe(video.length);
  });

  it("follows no redirect to another loopback service or to the metadata address", async () => {
    const before = await storedFiles();
    await expect(copy(`${filesUrl}/to-internal.mp4`)).rejects.toThrow(/refused: .*private, loopback or link-local/);
    await expect(copy(`${filesUrl}/to-metadata.mp4`)).rejects.toThrow(/refused: .*169\.254\.169\.254/);
    expect(internalHits).toBe(0);
    expect(await storedFiles()).toEqual(before);
  });

  it("refuses a link straight to a private address", async () => {
    await expect(copy(`${internalUrl}/video.mp4`)).rejects.toThrow(/refused/);
    await expect(copy("http://10.0.0.7/video.mp4")).rejects.toThrow(/refused/);
    expect(internalHits).toBe(0);
  });

  it("stops a body without a length at the size limit and keeps nothing", async () => {
    const before = await storedFiles();
    await expect(copy(`${filesUrl}/endless.mp4`, 500_000)).rejects.toThrow(/larger than 500000 bytes/);
    expect(await storedFiles()).toEqual(before);
  });
});
