import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rm, utimes, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDiskStorage } from "@/lib/storage/disk-storage";
import type { FileStorage } from "@/lib/storage/file-storage";
import { newStorageKey } from "@/lib/storage/storage-key";
import { FileTooLargeError, SourceReadError } from "@/lib/storage/stream-to-file";
import { generatedStream } from "@/lib/storage/generated-stream.test-kit";

let root: string;
let storage: FileStorage;

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "avatar-studio-storage-"));
  storage = createDiskStorage({ root, publicBaseUrl: "https://studio.example.com/" });
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});


const stagedFiles = async () => readdir(path.join(root, ".staging")).catch(() => []);

// What every driver does is in storage-contract.test.ts; this is what only the disk does.
describe("disk storage", () => {
  it("streams a file to its key with the right hash and size", async () => {
    const source = generatedStream(3 * 1024 * 1024 + 17);
    const key = newStorageKey("team1", "clip.mp4");
    const result = await storage.put(source.stream, key, { maxBytes: 10 * 1024 * 1024 });
    expect(result).toEqual({ key, sha256: source.digest(), sizeBytes: 3 * 1024 * 1024 + 17 });
    const onDisk = await readFile(path.join(root, ...key.split("/")));
    expect(createHash("sha256").update(onDisk).digest("hex")).toBe(source.digest());
    expect(await storage.stat(key)).toMatchObject({ sizeBytes: 3 * 1024 * 1024 + 17 });
    expect(await stagedFiles()).toEqual([]);
  });

  it("leaves no staged file behind when the cap is passed (the contract checks the rest)", async () => {
    const refused = storage.put(generatedStream(20 * 1024 * 1024).stream, newStorageKey("team1", "big.mp4"), { maxBytes: 1024 * 1024 });
    await expect(refused).rejects.toBeInstanceOf(FileTooLargeError);
    expect(await stagedFiles()).toEqual([]);
  });

  it("allows exactly the cap", async () => {
    const source = generatedStream(1024 * 1024);
    const staged = await storage.stage(source.stream, { maxBytes: 1024 * 1024 });
    expect(staged.sizeBytes).toBe(1024 * 1024);
    await storage.discard(staged);
    expect(existsSync(staged.path)).toBe(false);
  });

  it("reports a broken source as a read error and keeps nothing", async () => {
    let n = 0;
    const broken = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (n++ < 3) controller.enqueue(new Uint8Array(1000));
        else controller.error(new Error("connection reset"));
      },
    });
    await expect(storage.stage(broken, { maxBytes: 1e6 })).rejects.toBeInstanceOf(SourceReadError);
    expect(await stagedFiles()).toEqual([]);
  });

  it("finds nothing under keys that would escape the root, even where such files exist", async () => {
    await writeFile(path.join(root, "secret.txt"), "secret");
    await writeFile(path.join(os.tmpdir(), "avatar-studio-outside.txt"), "outside");
    for (const key of ["secret.txt", "../avatar-studio-outside.txt", "t/../../avatar-studio-outside.txt"]) {
      expect(await storage.openRead(key), key).toBeNull();
    }
  });

  it("removes a deleted file's folder once it is empty", async () => {
    const key = newStorageKey("team1", "gone.txt");
    await storage.put(Readable.from([Buffer.from("x")]), key, { maxBytes: 10 });
    await storage.delete(key);
    expect(existsSync(path.dirname(path.join(root, ...key.split("/"))))).toBe(false);
  });

  it("clears staged files left behind by a stopped process", async () => {
    const stale = path.join(root, ".staging", "left-over.part");
    const fresh = path.join(root, ".staging", "in-flight.part");
    await mkdir(path.dirname(stale), { recursive: true });
    await writeFile(stale, "x");
    await writeFile(fresh, "y");
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 60 * 60 * 1000);
    await utimes(stale, twoDaysAgo, twoDaysAgo);
    const restarted = createDiskStorage({ root, publicBaseUrl: "https://studio.example.com" });
    await restarted.discard(await restarted.stage(Readable.from([Buffer.from("z")]), { maxBytes: 10 }));
    await expect.poll(() => existsSync(stale)).toBe(false);
    expect(existsSync(fresh)).toBe(true);
    await rm(fresh);
  });

});
