import { randomUUID } from "node:crypto";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { ingestUpload } from "@/lib/media/ingest-upload";
import type { UploadAllowance } from "@/lib/media/upload-allowance";
import { makePng } from "@/lib/media/test-media";
import { createDiskStorage } from "@/lib/storage/disk-storage";
import type { FileStorage } from "@/lib/storage/file-storage";
import { englishError } from "@/test/english-error";

/** The per-user hourly upload count and the per-team storage quota, counted in PostgreSQL. */

let root: string;
let storage: FileStorage;
let teamId: string;
let users: string[];

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "avatar-studio-allowance-"));
  storage = createDiskStorage({ root, publicBaseUrl: "https://studio.example.com" });
  const suffix = randomUUID().slice(0, 8);
  teamId = (await prisma.team.create({ data: { name: `Allowance ${suffix}` } })).id;
  users = [];
  for (const n of [1, 2, 3]) users.push((await prisma.user.create({ data: { email: `allow-${n}-${suffix}@example.com` } })).id);
});

afterAll(async () => {
  await prisma.team.deleteMany({ where: { id: teamId } });
  await prisma.user.deleteMany({ where: { id: { in: users } } });
  await rm(root, { recursive: true, force: true });
});

let seed = 1000;
const png = () => makePng(400, 400, seed++);
const ingest = (uploaderId: string, bytes: Buffer, allowance: UploadAllowance) =>
  ingestUpload(
    { teamId, uploaderId, fileName: `f-${seed}.png`, contentType: "image/png", contentLength: bytes.length, body: new Blob([new Uint8Array(bytes)]).stream() },
    { storage, allowance },
  );

async function storedFiles(): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => path.relative(root, path.join(e.parentPath, e.name)));
}

describe("upload allowance", () => {
  it("refuses a user's upload past the hourly count, with the numbers, and stores nothing", async () => {
    const allowance = { uploadsPerUserPerHour: 2, teamQuotaBytes: 1e12 };
    expect((await ingest(users[0]!, png(), allowance)).status).toBe("created");
    expect((await ingest(users[0]!, png(), allowance)).status).toBe("created");
    const before = await storedFiles();
    await expect(ingest(users[0]!, png(), allowance)).rejects.toMatchObject({ code: "RATE_LIMITED" });
    expect(await englishError(ingest(users[0]!, png(), allowance))).toEqual(
      expect.stringMatching(/^You have uploaded 2 files in the last hour, the most one account may upload per hour \(2\)\. Try again in \d+ minutes?\.$/),
    );
    expect(await storedFiles()).toEqual(before);
    // Another member of the team has a count of their own.
    expect((await ingest(users[1]!, png(), allowance)).status).toBe("created");
  });

  it("refuses what does not fit in the team's quota, announced or not", async () => {
    const used = (await prisma.upload.aggregate({ where: { teamId }, _sum: { sizeBytes: true } }))._sum.sizeBytes ?? 0;
    const next = png();
    const allowance = { uploadsPerUserPerHour: 100, teamQuotaBytes: used + next.length - 1 };
    const before = await storedFiles();
    await expect(ingest(users[2]!, next, allowance)).rejects.toMatchObject({ code: "QUOTA_EXCEEDED" });
    expect(await englishError(ingest(users[2]!, next, allowance))).toMatch(/^Your team's files take [\d.]+ MB of its [\d.]+ MB of storage, so this [\d.]+ MB file does not fit\./);
    // No Content-Length: refused after reading (when the upload would be recorded), with the same
    // numbers, and the read bytes are dropped.
    const unannounced = () =>
      ingestUpload(
        { teamId, uploaderId: users[2]!, fileName: "n.png", contentType: "image/png", body: new Blob([new Uint8Array(next)]).stream() },
        { storage, allowance },
      );
    await expect(unannounced()).rejects.toMatchObject({ code: "QUOTA_EXCEEDED" });
    expect(await englishError(unannounced())).toEqual(await englishError(ingest(users[2]!, next, allowance)));
    expect(await storedFiles()).toEqual(before);
  });

  it("lets only one of several parallel uploads take the last room in the quota", async () => {
    const used = (await prisma.upload.aggregate({ where: { teamId }, _sum: { sizeBytes: true } }))._sum.sizeBytes ?? 0;
    const files = [png(), png(), png(), png()];
    const allowance = { uploadsPerUserPerHour: 100, teamQuotaBytes: used + Math.max(...files.map((f) => f.length)) + 10 };
    const results = await Promise.allSettled(
      files.map((f) =>
        ingestUpload(
          { teamId, uploaderId: users[2]!, fileName: "p.png", contentType: "image/png", body: new Blob([new Uint8Array(f)]).stream() },
          { storage, allowance },
        ),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.filter((r) => r.status === "rejected" && (r.reason as { code?: string }).code === "QUOTA_EXCEEDED")).toHaveLength(3);
  });
});
