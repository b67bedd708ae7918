import v8 from "node:v8";
import vm from "node:vm";
import { createHash, randomBytes } from "node:crypto";
import { existsSync, writeFileSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { buffer, text } from "node:stream/consumers";
import { ListObjectsV2Command } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startS3Server, type S3TestServer } from "@/scripts/lib/s3-server";
import { createDiskStorage } from "@/lib/storage/disk-storage";
import type { FileStorage } from "@/lib/storage/file-storage";
import { createS3Client, createS3Storage } from "@/lib/storage/s3-storage";
import { newStorageKey } from "@/lib/storage/storage-key";
import { FileTooLargeError, SourceReadError } from "@/lib/storage/stream-to-file";
import { generatedStream } from "@/lib/storage/generated-stream.test-kit";

/** V8's collector, reachable without starting the test process with --expose-gc. */
v8.setFlagsFromString("--expose-gc");
const collectGarbage = vm.runInNewContext("gc") as () => void;

/**
 * The FileStorage contract, run against every driver: the disk and an S3-compatible bucket
 * (a real S3 server, s3rver, started here). `open()` gives a fresh handle on the SAME store,
 * as a second app host would have; `broken()` one whose store cannot be reached.
 */
type Driver = {
  name: string;
  setup(): Promise<void>;
  teardown(): Promise<void>;
  open(): FileStorage;
  broken(): FileStorage;
  /** Whether `providerUrl` can be fetched from here (the disk's is this app's own /files route). */
  providerUrlIsFetchable: boolean;
};

const APP = "https://studio.example.com";

let diskRoot = "";
const disk: Driver = {
  name: "disk",
  async setup() {
    diskRoot = await mkdtemp(path.join(os.tmpdir(), "avatar-studio-contract-"));
  },
  async teardown() {
    await rm(diskRoot, { recursive: true, force: true });
  },
  open: () => createDiskStorage({ root: diskRoot, publicBaseUrl: APP }),
  broken() {
    // A root below a plain file can never be made.
    const file = path.join(diskRoot, "not-a-folder");
    writeFileSync(file, "x");
    return createDiskStorage({ root: path.join(file, "root"), publicBaseUrl: APP });
  },
  providerUrlIsFetchable: false,
};

let s3: S3TestServer | undefined;
let staging = "";
const s3Settings = () => ({
  endpoint: s3!.endpoint,
  region: "us-east-1",
  accessKeyId: s3!.accessKeyId,
  secretAccessKey: s3!.secretAccessKey,
  forcePathStyle: true,
});
const bucket: Driver = {
  name: "s3",
  async setup() {
    s3 = await startS3Server();
    staging = await mkdtemp(path.join(os.tmpdir(), "avatar-studio-contract-staging-"));
  },
  async teardown() {
    await s3?.stop();
    await rm(staging, { recursive: true, force: true });
  },
  open: () => createS3Storage({ ...s3Settings(), bucket: s3!.bucket, publicBaseUrl: APP, stagingDir: staging }),
  broken: () => createS3Storage({ ...s3Settings(), bucket: "no-such-bucket", publicBaseUrl: APP, stagingDir: staging }),
  providerUrlIsFetchable: true,
};


const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

describe.each([disk, bucket])("FileStorage contract: $name", (driver) => {
  let storage: FileStorage;
  beforeAll(async () => {
    await driver.setup();
    storage = driver.open();
  }, 60_000);
  afterAll(() => driver.teardown());

  it("streams a file to its key with the right hash and size, and reads it back", async () => {
    const source = generatedStream(3 * 1024 * 1024 + 17);
    const key = newStorageKey("team1", "clip.mp4");
    const result = await storage.put(source.stream, key, { maxBytes: 10 * 1024 * 1024 });
    expect(result).toEqual({ key, sha256: source.digest(), sizeBytes: 3 * 1024 * 1024 + 17 });
    expect(await storage.stat(key)).toMatchObject({ sizeBytes: 3 * 1024 * 1024 + 17 });
    const opened = await storage.openRead(key);
    expect(opened).toMatchObject({ sizeBytes: 3 * 1024 * 1024 + 17, range: null });
    expect(opened!.modifiedAt.getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect(sha256(await buffer(opened!.stream))).toBe(source.digest());
  });

  it("keeps memory bounded for a 50 MB video (never the whole file at once), in several parts", async () => {
    const total = 50 * 1024 * 1024;
    const source = generatedStream(total);
    const key = newStorageKey("team1", "long.mp4");
    // Live JS heap and Buffers both, after a collection: a file held whole in either would
    // show, while chunks already passed on and not yet collected do not count. (Twice: a
    // collection frees dead Buffers' memory beside the program, and the next one waits for that.)
    const used = () => {
      collectGarbage();
      collectGarbage();
      const m = process.memoryUsage();
      return m.heapUsed + m.arrayBuffers;
    };
    const before = used();
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, used())), 100);
    try {
      await storage.put(source.stream, key, { maxBytes: 60 * 1024 * 1024 });
    } finally {
      clearInterval(sampler);
    }
    // The multipart upload keeps at most two 8 MiB parts in flight; a file held whole would pass 50.
    expect((peak - before) / 1024 / 1024).toBeLessThan(40);
    const tail = await storage.openRead(key, { start: total - 5, end: total - 1 });
    expect(tail?.range).toEqual({ start: total - 5, end: total - 1 });
    expect((await buffer(tail!.stream)).length).toBe(5);
    expect((await storage.stat(key))?.sizeBytes).toBe(total);
  }, 60_000);

  it("accepts Node streams and async iterables too", async () => {
    const key = newStorageKey("team1", "a.txt");
    const result = await storage.put(Readable.from([Buffer.from("hello "), Buffer.from("world")]), key, { maxBytes: 100 });
    expect(result.sizeBytes).toBe(11);
    expect(result.sha256).toBe(sha256(Buffer.from("hello world")));
  });

  it("stops reading and keeps nothing when the cap is passed", async () => {
    const source = generatedStream(20 * 1024 * 1024);
    const key = newStorageKey("team1", "big.mp4");
    await expect(storage.put(source.stream, key, { maxBytes: 1024 * 1024 })).rejects.toBeInstanceOf(FileTooLargeError);
    expect(source.sent()).toBeLessThan(2 * 1024 * 1024);
    expect(await storage.stat(key)).toBeNull();
  });

  it("allows exactly the cap; a discarded staged file never appears", async () => {
    const staged = await storage.stage(generatedStream(1024 * 1024).stream, { maxBytes: 1024 * 1024 });
    expect(staged.sizeBytes).toBe(1024 * 1024);
    expect(existsSync(staged.path)).toBe(true);
    await storage.discard(staged);
    await storage.discard(staged);
    expect(existsSync(staged.path)).toBe(false);
  });

  it("keeps a staged file's ends when asked, exactly as they are on disk, and writes pieces of any size in order", async () => {
    const bytes = randomBytes(1_300_000);
    // Pieces of 1 byte to 200 kB, so that the ends and the writes cross them anywhere.
    const pieces: Buffer[] = [];
    for (let at = 0, i = 0; at < bytes.length; i++) {
      const size = [1, 7, 65_536, 200_000, 3, 70_000][i % 6]!;
      pieces.push(bytes.subarray(at, at + size));
      at += size;
    }
    const staged = await storage.stage(Readable.from(pieces), { maxBytes: bytes.length, keepEnds: 66 * 1024 });
    expect(staged.sizeBytes).toBe(bytes.length);
    expect(staged.sha256).toBe(sha256(bytes));
    expect(await readFile(staged.path)).toEqual(bytes);
    expect(staged.ends?.head).toEqual(bytes.subarray(0, 66 * 1024));
    expect(staged.ends?.tail).toEqual(bytes.subarray(bytes.length - 66 * 1024));
    await storage.discard(staged);
    // A file shorter than the ends: both are the whole file. Without keepEnds: no ends.
    const short = await storage.stage(Readable.from([Buffer.from("ab"), Buffer.from("cd")]), { maxBytes: 100, keepEnds: 10 });
    expect(short.ends).toEqual({ head: Buffer.from("abcd"), tail: Buffer.from("abcd") });
    await storage.discard(short);
    const plain = await storage.stage(Readable.from([Buffer.from("abcd")]), { maxBytes: 100 });
    expect(plain.ends).toBeUndefined();
    await storage.discard(plain);
  });

  it("stages to a readable local file, and commit makes it public under its key", async () => {
    const staged = await storage.stage(Readable.from([Buffer.from("staged bytes")]), { maxBytes: 100 });
    const key = newStorageKey("team1", "s.txt");
    expect(await storage.stat(key)).toBeNull();
    await storage.commit(staged, key);
    expect(existsSync(staged.path)).toBe(false);
    expect(await text((await storage.openRead(key))!.stream)).toBe("staged bytes");
  });

  it("reports a broken source as a read error and keeps nothing", async () => {
    let n = 0;
    const broken = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (n++ < 3) controller.enqueue(new Uint8Array(1000));
        else controller.error(new Error("connection reset"));
      },
    });
    const key = newStorageKey("team1", "cut.mp4");
    await expect(storage.put(broken, key, { maxBytes: 1e6 })).rejects.toBeInstanceOf(SourceReadError);
    expect(await storage.stat(key)).toBeNull();
  });

  it("reads whole files and byte ranges, and refuses a range past the end", async () => {
    const key = newStorageKey("team1", "abc.txt");
    await storage.put(Readable.from([Buffer.from("0123456789")]), key, { maxBytes: 100 });
    const whole = await storage.openRead(key);
    expect(whole?.sizeBytes).toBe(10);
    expect(await text(whole!.stream)).toBe("0123456789");
    const part = await storage.openRead(key, { start: 2, end: 4 });
    expect(part).toMatchObject({ range: { start: 2, end: 4 }, sizeBytes: 10 });
    expect(await text(part!.stream)).toBe("234");
    const tail = await storage.openRead(key, { start: 8, end: 100 });
    expect(tail?.range).toEqual({ start: 8, end: 9 });
    expect(await text(tail!.stream)).toBe("89");
    await expect(storage.openRead(key, { start: 20, end: 30 })).rejects.toBeInstanceOf(RangeError);
  });

  it("finds nothing for missing or invalid keys", async () => {
    for (const key of ["secret.txt", "../x.txt", "t/../../x.txt", "/etc/passwd", "t/team1", "t/team1/nope/x.png", ".staging/x.part", ""]) {
      expect(await storage.openRead(key), key).toBeNull();
      expect(await storage.stat(key), key).toBeNull();
    }
  });

  it("deletes files, tolerates deleting twice, refuses invalid keys", async () => {
    const key = newStorageKey("team1", "gone.txt");
    await storage.put(Readable.from([Buffer.from("x")]), key, { maxBytes: 10 });
    await storage.delete(key);
    expect(await storage.stat(key)).toBeNull();
    expect(await storage.openRead(key)).toBeNull();
    await storage.delete(key);
    await expect(storage.delete("../x/y")).rejects.toThrow();
  });

  it("serves what one host stored to another host on the same store", async () => {
    const key = newStorageKey("team2", "shared.png");
    await driver.open().put(Readable.from([Buffer.from("from host A")]), key, { maxBytes: 100 });
    const hostB = driver.open();
    expect(await text((await hostB.openRead(key))!.stream)).toBe("from host A");
  });

  it("gives browsers /files/ URLs on this app", () => {
    expect(storage.publicUrl("t/team1/abc/a b.png")).toBe(`${APP}/files/t/team1/abc/a%20b.png`);
  });

  it("gives the provider a URL it can download the file from without credentials", async () => {
    const key = newStorageKey("team1", "ref.png");
    await storage.put(Readable.from([Buffer.from("png bytes")]), key, { maxBytes: 100, contentType: "image/png" });
    const url = await storage.providerUrl(key);
    expect(url).toMatch(/^https?:\/\//);
    if (!driver.providerUrlIsFetchable) return expect(url).toBe(storage.publicUrl(key));
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/png");
    expect(await response.text()).toBe("png bytes");
  });

  it("answers a ping when the store is there, and fails it when it is not", async () => {
    await expect(storage.ping()).resolves.toBeUndefined();
    await expect(driver.broken().ping()).rejects.toThrow();
  });
});

describe("s3 driver", () => {
  beforeAll(() => bucket.setup(), 60_000);
  afterAll(() => bucket.teardown());

  it("aborts the multipart upload when a part fails: no object, no parts left", async () => {
    const client = createS3Client(s3Settings());
    const sent: string[] = [];
    let parts = 0;
    client.middlewareStack.add(
      (next, context) => async (args) => {
        sent.push(context.commandName ?? "");
        if (context.commandName === "UploadPartCommand" && ++parts === 2) throw new Error("connection reset by the store");
        return next(args);
      },
      { step: "initialize", name: "failSecondPart" },
    );
    const storage = createS3Storage({ client, bucket: s3!.bucket, publicBaseUrl: APP, stagingDir: staging, partSize: 5 * 1024 * 1024, queueSize: 1 });
    const key = newStorageKey("team1", "half.mp4");
    const staged = await storage.stage(generatedStream(12 * 1024 * 1024).stream, { maxBytes: 20 * 1024 * 1024 });
    await expect(storage.commit(staged, key)).rejects.toThrow();
    expect(sent).toContain("CreateMultipartUploadCommand");
    expect(sent).toContain("AbortMultipartUploadCommand");
    expect(sent).not.toContain("CompleteMultipartUploadCommand");
    expect(await storage.stat(key)).toBeNull();
    // The staged file stays for the caller to discard (or retry).
    expect(existsSync(staged.path)).toBe(true);
    await storage.discard(staged);
    const listed = await client.send(new ListObjectsV2Command({ Bucket: s3!.bucket, Prefix: key }));
    expect(listed.KeyCount ?? 0).toBe(0);
  });

  it("hands the provider the bucket's public URL when there is one, else a presigned GET of the configured lifetime", async () => {
    const base = { ...s3Settings(), bucket: s3!.bucket, publicBaseUrl: APP, stagingDir: staging };
    const key = "t/team1/abc/a.png";
    const cdn = createS3Storage({ ...base, bucketPublicBaseUrl: "https://cdn.example.com/avatars/" });
    expect(await cdn.providerUrl(key)).toBe("https://cdn.example.com/avatars/t/team1/abc/a.png");
    const signed = new URL(await createS3Storage(base).providerUrl(key));
    expect(signed.searchParams.get("X-Amz-Expires")).toBe(String(24 * 60 * 60));
    const short = new URL(await createS3Storage({ ...base, presignSeconds: 600 }).providerUrl(key));
    expect(short.searchParams.get("X-Amz-Expires")).toBe("600");
    expect(() => createS3Storage({ ...base, presignSeconds: 8 * 24 * 60 * 60 })).toThrow();
  });

  it("does not hand out URLs for invalid keys", async () => {
    const storage = createS3Storage({ ...s3Settings(), bucket: s3!.bucket, publicBaseUrl: APP, stagingDir: staging });
    await expect(storage.providerUrl("../x")).rejects.toThrow();
  });
});
