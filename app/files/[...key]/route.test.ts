import { randomUUID } from "node:crypto";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newStorageKey } from "@/lib/storage/storage-key";
import { setTestEnv } from "@/test/integration-kit";

type Handler = (request: Request, context: { params: Promise<{ key: string[] }> }) => Promise<Response>;

let root: string;
let GET: Handler;
let HEAD: Handler;
let key: string;
let orphanKey: string;
let otherTeamKey: string;
let teamId: string;
let otherTeamId: string;
let prisma: typeof import("@/lib/db").prisma;
const content = Buffer.from("0123456789abcdefghij");

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "avatar-studio-files-route-"));
  Object.assign(process.env, { STORAGE_DIR: root, PUBLIC_BASE_URL: "https://studio.example.com" });
  setTestEnv();
  ({ GET, HEAD } = await import("@/app/files/[...key]/route"));
  const { getStorage } = await import("@/lib/storage/get-storage");
  ({ prisma } = await import("@/lib/db"));
  const suffix = randomUUID().slice(0, 8);
  teamId = (await prisma.team.create({ data: { name: `Files ${suffix}` } })).id;
  otherTeamId = (await prisma.team.create({ data: { name: `Files other ${suffix}` } })).id;
  const upload = (team: string, storageKey: string) =>
    prisma.upload.create({
      data: { teamId: team, uploaderId: "u", storageKey, sha256: randomUUID(), fileName: "clip.mp4", mimeType: "video/mp4", type: "VIDEO", sizeBytes: content.length },
    });
  key = newStorageKey(teamId, "clip.mp4");
  await getStorage().put(Readable.from([content]), key, { maxBytes: 100 });
  await upload(teamId, key);
  // On disk under a valid key, but no record points at it (a deleted upload, a stray file).
  orphanKey = newStorageKey(teamId, "orphan.mp4");
  await getStorage().put(Readable.from([content]), orphanKey, { maxBytes: 100 });
  // Under one team's folder, recorded by another team: not served.
  otherTeamKey = newStorageKey(teamId, "theirs.mp4");
  await getStorage().put(Readable.from([content]), otherTeamKey, { maxBytes: 100 });
  await upload(otherTeamId, otherTeamKey);
  await writeFile(path.join(root, "outside.txt"), "not a key");
  await mkdir(path.join(root, "postgres"), { recursive: true });
  await writeFile(path.join(root, "postgres", "pg_hba.conf"), "host all all trust");
});

afterAll(async () => {
  await prisma.team.deleteMany({ where: { id: { in: [teamId, otherTeamId] } } });
  await rm(root, { recursive: true, force: true });
});

const call = (handler: Handler, segments: string[], headers: Record<string, string> = {}) =>
  handler(new Request(`https://studio.example.com/files/${segments.join("/")}`, { headers }), {
    params: Promise.resolve({ key: segments }),
  });

describe("GET /files/[...key]", () => {
  it("serves a stored file with its type, length and long cache", async () => {
    const response = await call(GET, key.split("/"));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("video/mp4");
    expect(response.headers.get("content-length")).toBe("20");
    expect(response.headers.get("accept-ranges")).toBe("bytes");
    expect(response.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("content-disposition")).toBe('inline; filename="clip.mp4"');
    expect(response.headers.get("content-security-policy")).toContain("sandbox");
    expect(Buffer.from(await response.arrayBuffer())).toEqual(content);
  });

  it("serves one byte range with 206", async () => {
    const response = await call(GET, key.split("/"), { range: "bytes=5-9" });
    expect(response.status).toBe(206);
    expect(response.headers.get("content-range")).toBe("bytes 5-9/20");
    expect(response.headers.get("content-length")).toBe("5");
    expect(await response.text()).toBe("56789");

    const suffix = await call(GET, key.split("/"), { range: "bytes=-3" });
    expect(await suffix.text()).toBe("hij");
  });

  it("answers 416 past the end and the whole file for several ranges", async () => {
    const past = await call(GET, key.split("/"), { range: "bytes=20-" });
    expect(past.status).toBe(416);
    expect(past.headers.get("content-range")).toBe("bytes */20");
    const several = await call(GET, key.split("/"), { range: "bytes=0-1,3-4" });
    expect(several.status).toBe(200);
    expect(await several.text()).toBe(content.toString());
  });

  it("answers 304 to a matching ETag", async () => {
    const first = await call(GET, key.split("/"));
    await first.arrayBuffer();
    const again = await call(GET, key.split("/"), { "if-none-match": first.headers.get("etag")! });
    expect(again.status).toBe(304);
  });

  it("answers HEAD with headers only", async () => {
    const response = await call(HEAD, key.split("/"));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-length")).toBe("20");
    expect(response.body).toBeNull();
  });

  it("is 404 for anything that is not a stored file", async () => {
    const [, team, random] = key.split("/");
    for (const segments of [
      ["outside.txt"],
      ["t", team!, random!],
      ["t", team!],
      ["t", team!, random!, "other.mp4"],
      ["t", "..", "..", "etc", "passwd"],
      ["..", "outside.txt"],
      [".staging", "x.part"],
      ["t", team!, random!, "clip.mp4", ""],
      orphanKey.split("/"),
      otherTeamKey.split("/"),
      ["postgres", "pg_hba.conf"],
    ]) {
      const response = await call(GET, segments);
      expect(response.status, segments.join("/")).toBe(404);
      expect(response.headers.get("cache-control")).toBe("no-store");
    }
  });
});
