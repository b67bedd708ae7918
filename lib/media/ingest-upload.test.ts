import { createHash, randomBytes, randomUUID } from "node:crypto";
import { readdir, mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import sharp from "sharp";
import { ensureThumbnail } from "@/lib/media/ensure-thumbnail";
import { ingestUpload, MAX_UPLOAD_BYTES, type IngestUploadResult } from "@/lib/media/ingest-upload";
import { makePng, makeVideo } from "@/lib/media/test-media";
import { toUploadView } from "@/lib/media/upload-view";
import { createDiskStorage } from "@/lib/storage/disk-storage";
import type { FileStorage } from "@/lib/storage/file-storage";

let root: string;
let storage: FileStorage;
let teamId: string;
let otherTeamId: string;
let userId: string;

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "avatar-studio-ingest-"));
  storage = createDiskStorage({ root, publicBaseUrl: "https://studio.example.com" });
  const suffix = randomUUID().slice(0, 8);
  teamId = (await prisma.team.create({ data: { name: `Ingest ${suffix}` } })).id;
  otherTeamId = (await prisma.team.create({ data: { name: `Other ${suffix}` } })).id;
  userId = (await prisma.user.create({ data: { email: `ingest-${suffix}@example.com` } })).id;
});

afterAll(async () => {
  await prisma.team.deleteMany({ where: { id: { in: [teamId, otherTeamId] } } });
  await prisma.user.deleteMany({ where: { id: userId } });
  await rm(root, { recursive: true, force: true });
});

/** A web stream of the given pieces, as a request body would be. */
function bodyOf(...pieces: Buffer[]): ReadableStream<Uint8Array> {
  let i = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      const piece = pieces[i++];
      if (piece) controller.enqueue(new Uint8Array(piece));
      else controller.close();
    },
  });
}

const ingest = (fileName: string, body: ReadableStream<Uint8Array>, extra: { contentType?: string; contentLength?: number; team?: string } = {}) =>
  ingestUpload(
    { teamId: extra.team ?? teamId, uploaderId: userId, fileName, contentType: extra.contentType ?? null, contentLength: extra.contentLength ?? null, body },
    // Generous limits: the hourly count and the quota have tests of their own (upload-allowance.test.ts).
    { storage, allowance: { uploadsPerUserPerHour: 10_000, teamQuotaBytes: 1e12 } },
  );

function expectStored(result: IngestUploadResult) {
  if (result.status === "refused") throw new Error(result.violations.map((v) => v.message).join(" "));
  return result.upload;
}

/** Every file under the storage root except the staging folder. */
async function storedFiles(): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)))
    .filter((p) => !p.startsWith(".staging"));
}
const staged = async () => readdir(path.join(root, ".staging")).catch(() => []);

describe("ingestUpload", () => {
  it("stores a PNG with its facts and thumbnail, and returns it again for the same bytes", async () => {
    const png = makePng(800, 600, 1);
    const first = expectStored(await ingest("Team Photo.png", bodyOf(png), { contentType: "image/png" }));
    expect(first).toMatchObject({
      teamId,
      uploaderId: userId,
      fileName: "Team Photo.png",
      mimeType: "image/png",
      type: "IMAGE",
      sizeBytes: png.length,
      width: 800,
      height: 600,
      durationMs: null,
      fps: null,
      sha256: createHash("sha256").update(png).digest("hex"),
    });
    // The row as Prisma reads it, with an id and a time of the kinds Prisma makes.
    expect(await prisma.upload.findUnique({ where: { id: first.id } })).toEqual(first);
    expect(first.id).toMatch(/^c[0-9a-z]{24}$/);
    expect(Math.abs(first.createdAt.getTime() - Date.now())).toBeLessThan(60_000);
    expect(first.storageKey).toMatch(new RegExp(`^t/${teamId}/[a-z2-7]{26}/Team-Photo\\.png$`));
    expect(await readFile(path.join(root, first.storageKey))).toEqual(png);
    expect(first.thumbnailKey).toMatch(/thumbnail\.webp$/);
    // The thumbnail is made off the upload's request, on its first request, and stored once.
    expect(await storage.stat(first.thumbnailKey!)).toBeNull();
    expect(await ensureThumbnail(first.thumbnailKey!, { storage })).toBe(true);
    const made = await storage.stat(first.thumbnailKey!);
    expect(made?.sizeBytes).toBeGreaterThan(0);
    expect(await ensureThumbnail(first.thumbnailKey!, { storage })).toBe(true);
    expect((await storage.stat(first.thumbnailKey!))?.modifiedAt).toEqual(made?.modifiedAt);

    const view = toUploadView(first, storage);
    expect(view.url).toBe(`https://studio.example.com/files/${first.storageKey}`);
    expect(view.thumbnailUrl).toBe(`https://studio.example.com/files/${first.thumbnailKey}`);

    const filesBefore = await storedFiles();
    const second = await ingest("copy.png", bodyOf(png.subarray(0, 100), png.subarray(100)));
    expect(second).toEqual({ status: "deduplicated", upload: first });
    expect(await storedFiles()).toEqual(filesBefore);
    expect(await staged()).toEqual([]);

    // Another team's identical bytes are its own upload.
    const other = expectStored(await ingest("copy.png", bodyOf(png), { team: otherTeamId }));
    expect(other.id).not.toBe(first.id);
    expect(other.teamId).toBe(otherTeamId);
  });

  it("records the same bytes sent twice at once as one upload", async () => {
    const png = makePng(640, 480, 7);
    const before = await storedFiles();
    const results = await Promise.all([ingest("a.png", bodyOf(png)), ingest("b.png", bodyOf(png))]);
    expect(results.map((r) => r.status).sort()).toEqual(["created", "deduplicated"]);
    const [one, two] = results.map(expectStored);
    expect(two).toEqual(one);
    expect((await storedFiles()).filter((f) => !before.includes(f))).toEqual([one!.storageKey]);
    expect(await staged()).toEqual([]);
  });

  it("refuses a picture cut short without decoding it, and keeps nothing", async () => {
    const jpeg = await sharp(makePng(800, 600, 3)).jpeg({ quality: 90 }).toBuffer();
    const result = await ingest("cut.jpg", bodyOf(jpeg.subarray(0, Math.floor(jpeg.length * 0.7))), { contentType: "image/jpeg" });
    expect(result).toEqual({ status: "refused", violations: [{ code: "DAMAGED_FILE", message: "The JPEG image could not be read to the end; it may be damaged." }] });
    expect(await staged()).toEqual([]);
    // The whole picture is taken.
    expect((await ingest("whole.jpg", bodyOf(jpeg), { contentType: "image/jpeg" })).status).toBe("created");
  });

  it("refuses a 100×100 PNG with the reason and keeps nothing", async () => {
    const before = await storedFiles();
    const result = await ingest("tiny.png", bodyOf(makePng(100, 100, 2)), { contentType: "image/png" });
    expect(result).toEqual({
      status: "refused",
      violations: [expect.objectContaining({ code: "IMAGE_SIDE_OUT_OF_RANGE", message: "The image is 100×100 px; each side must be 300–6000 px." })],
    });
    expect(await storedFiles()).toEqual(before);
    expect(await staged()).toEqual([]);
    expect(await prisma.upload.count({ where: { teamId, width: 100 } })).toBe(0);
  });

  it("refuses a text file named .png as not a real image", async () => {
    const result = await ingest("notes.png", bodyOf(Buffer.from("just some text\n".repeat(100))), { contentType: "image/png" });
    expect(result.status).toBe("refused");
    if (result.status !== "refused") return;
    expect(result.violations[0]?.code).toBe("NOT_REAL_MEDIA");
    expect(result.violations[0]?.message).toMatch(/^The file is not a real image/);
    expect(await staged()).toEqual([]);
  });

  it("refuses a body announced too large without reading it", async () => {
    let pulls = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulls++;
        controller.enqueue(new Uint8Array(1024));
      },
    });
    const result = await ingest("huge.mp4", body, { contentLength: 80_000_000 });
    expect(result.status === "refused" && result.violations[0]).toEqual({
      code: "FILE_TOO_LARGE",
      message: "The file is 80 MB, too large for any accepted type: videos may be up to 50 MB, images under 30 MB and audio up to 15 MB.",
    });
    expect(pulls).toBeLessThanOrEqual(1);
  });

  it("cuts off a body that grows past the cap and keeps nothing", async () => {
    const block = randomBytes(256 * 1024);
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += block.length;
        controller.enqueue(new Uint8Array(block));
      },
    });
    const result = await ingest("endless.mp4", body);
    expect(result.status === "refused" && result.violations[0]?.code).toBe("FILE_TOO_LARGE");
    expect(sent).toBeLessThan(MAX_UPLOAD_BYTES + 4 * block.length);
    expect(await staged()).toEqual([]);
  });

  it("streams a 40 MB video to disk with the right hash, without holding it in memory", async () => {
    // A real 720p clip followed by a 40 MB `free` box, which players skip.
    const clipPath = path.join(root, "..", `${path.basename(root)}-clip.mp4`);
    await makeVideo(clipPath, { width: 1280, height: 720, fps: "30", seconds: 3 });
    const clip = await readFile(clipPath);
    await rm(clipPath);
    const padding = 40 * 1024 * 1024;
    const freeHeader = Buffer.alloc(8);
    freeHeader.writeUInt32BE(8 + padding, 0);
    freeHeader.write("free", 4, "latin1");

    const block = randomBytes(64 * 1024);
    const hash = createHash("sha256").update(clip).update(freeHeader);
    let left = padding;
    let headerSent = false;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (!headerSent) {
          headerSent = true;
          controller.enqueue(new Uint8Array(Buffer.concat([clip, freeHeader])));
          return;
        }
        if (left === 0) return controller.close();
        const piece = block.subarray(0, Math.min(block.length, left));
        left -= piece.length;
        hash.update(piece);
        // The same bytes each time, without a copy: what grows is then the ingest's own memory.
        controller.enqueue(piece);
      },
    });

    const baseline = process.memoryUsage();
    let peak = 0;
    const sampler = setInterval(() => {
      const now = process.memoryUsage();
      peak = Math.max(peak, now.arrayBuffers - baseline.arrayBuffers, now.heapUsed - baseline.heapUsed);
    }, 5);
    let result: IngestUploadResult;
    try {
      result = await ingest("big clip.mp4", body, { contentType: "video/mp4" });
    } finally {
      clearInterval(sampler);
    }
    const upload = expectStored(result);
    const total = clip.length + 8 + padding;
    expect(upload).toMatchObject({ type: "VIDEO", mimeType: "video/mp4", sizeBytes: total, width: 1280, height: 720, fps: 30 });
    expect(upload.sha256).toBe(hash.digest("hex"));
    const onDisk = createHash("sha256").update(await readFile(path.join(root, upload.storageKey))).digest("hex");
    expect(onDisk).toBe(upload.sha256);
    expect(upload.thumbnailKey).not.toBeNull();
    expect(peak).toBeLessThan(24 * 1024 * 1024);
  });
});
