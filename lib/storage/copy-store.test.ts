import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { text } from "node:stream/consumers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyStore, type CopyProgress } from "@/lib/storage/copy-store";
import { createS3Storage } from "@/lib/storage/s3-storage";
import { startS3Server, type S3TestServer } from "@/scripts/lib/s3-server";

let s3: S3TestServer;
let dir: string;
const keys = ["t/team1/aaaaaaaaaaaaaaaaaaaaaa/a.png", "t/team1/bbbbbbbbbbbbbbbbbbbbbb/b.mp4", "t/team2/cccccccccccccccccccccc/c.wav"];

beforeAll(async () => {
  s3 = await startS3Server();
  dir = await mkdtemp(path.join(os.tmpdir(), "avatar-studio-copy-"));
  for (const [i, key] of keys.entries()) {
    await mkdir(path.join(dir, path.dirname(key)), { recursive: true });
    await writeFile(path.join(dir, key), `file ${i} `.repeat(1000 * (i + 1)));
  }
  await mkdir(path.join(dir, ".staging"), { recursive: true });
  await writeFile(path.join(dir, ".staging", "left.part"), "half");
  await writeFile(path.join(dir, "notes.txt"), "not a stored file");
}, 60_000);
afterAll(async () => {
  await s3.stop();
  await rm(dir, { recursive: true, force: true });
});

const target = () =>
  createS3Storage({
    endpoint: s3.endpoint,
    accessKeyId: s3.accessKeyId,
    secretAccessKey: s3.secretAccessKey,
    forcePathStyle: true,
    bucket: s3.bucket,
    publicBaseUrl: "http://localhost",
  });

describe("copyStore", () => {
  it("copies every stored file under its key, reports progress, and skips what is not a stored file", async () => {
    const seen: CopyProgress[] = [];
    const result = await copyStore({ sourceRoot: dir, target: target(), onProgress: (p) => seen.push(p) });
    expect(result).toMatchObject({ total: 3, done: 3, copied: 3, alreadyThere: 0, failed: 0 });
    expect(result.skipped.sort()).toEqual([".staging/left.part", "notes.txt"]);
    expect(seen.map((p) => p.done)).toEqual([1, 2, 3]);
    expect(result.bytesCopied).toBe(result.totalBytes);
    for (const [i, key] of keys.entries()) {
      expect(await text((await target().openRead(key))!.stream)).toBe(`file ${i} `.repeat(1000 * (i + 1)));
    }
  });

  it("is idempotent: a second run copies nothing, and a changed or missing file is copied again", async () => {
    expect(await copyStore({ sourceRoot: dir, target: target() })).toMatchObject({ copied: 0, alreadyThere: 3, failed: 0 });
    await target().delete(keys[1]!);
    const again = await copyStore({ sourceRoot: dir, target: target() });
    expect(again).toMatchObject({ copied: 1, alreadyThere: 2, failed: 0 });
    expect((await target().stat(keys[1]!))?.sizeBytes).toBe(`file 1 `.repeat(2000).length);
  });

  it("counts failures without stopping the others", async () => {
    const broken = createS3Storage({
      endpoint: s3.endpoint,
      accessKeyId: s3.accessKeyId,
      secretAccessKey: s3.secretAccessKey,
      forcePathStyle: true,
      bucket: "no-such-bucket",
      publicBaseUrl: "http://localhost",
    });
    const result = await copyStore({ sourceRoot: dir, target: broken });
    expect(result).toMatchObject({ total: 3, done: 3, failed: 3, copied: 0 });
    expect(result.failures).toHaveLength(3);
  });
});
