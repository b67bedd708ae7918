import { readRows, type RunSql } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { requestLocale } from "@/lib/i18n/error-message";
import { sentencesIn } from "@/lib/i18n/sentence-in";
import { Prisma, type Upload } from "@/lib/generated/prisma/client";
import { checkLimits } from "@/lib/media/check-limits";
import { findFileNameProblem } from "@/lib/media/file-name-rules";
import { formatMegabytes } from "@/lib/media/describe-media";
import type { LimitViolation } from "@/lib/media/limit-violation";
import { audioLimits, BYTES_PER_MB, imageLimits, MAX_MEDIA_BYTES, mediaFormats, videoLimits } from "@/lib/media/limits";
import { takesThumbnail } from "@/lib/media/ensure-thumbnail";
import { FILE_END_BYTES, readFileEnds } from "@/lib/media/file-ends";
import { findTruncation } from "@/lib/media/find-truncation";
import {
  assertUploadAllowed,
  uploadAllowanceFromEnv,
  uploadAllowedCondition,
  uploadRefusal,
  uploadUseQuery,
  withTeamUploadLock,
  type UploadAllowance,
  type UploadUse,
} from "@/lib/media/upload-allowance";
import { claimedFormat } from "@/lib/media/media-format";
import { probeFile, type ProbedMedia } from "@/lib/media/probe-file";
import { logger } from "@/lib/logger";
import type { ByteSource, FileStorage, StagedFile } from "@/lib/storage/file-storage";
import { newStorageKey } from "@/lib/storage/storage-key";
import { FileTooLargeError, SourceReadError } from "@/lib/storage/stream-to-file";
import { isUniqueViolation } from "@/lib/prisma-errors";
import { newRowId } from "@/lib/new-row-id";

/**
 * Bodies are cut off here: a little above the largest limit, so that a file just over its
 * limit still gets an exact "it is 50.2 MB" answer, and nothing much bigger is ever stored.
 */
export const MAX_UPLOAD_BYTES = MAX_MEDIA_BYTES + 1 * BYTES_PER_MB;

export type IngestUploadInput = {
  teamId: string;
  uploaderId: string;
  /** the name the user's file had; shown in the app, and (made safe) the end of its URL */
  fileName: string;
  /** the sender's Content-Type: a claim that words refusals, never trusted */
  contentType?: string | null;
  /** the sender's Content-Length, when given: a body announced too large is refused unread */
  contentLength?: number | null;
  body: ByteSource;
};

export type IngestUploadResult =
  | { status: "created"; upload: Upload }
  | { status: "deduplicated"; upload: Upload }
  | { status: "refused"; violations: LimitViolation[] };

/**
 * Takes one uploaded file for a team, from stream to database row:
 * 1. streams the body to a private staging file, hashing it (in the same pass) and keeping its
 *    ends in memory, cut off at MAX_UPLOAD_BYTES;
 * 2. if the team already has these exact bytes, drops the new copy and returns the old upload;
 * 3. reads the real type and facts from the bytes (headers and ends only: no picture is
 *    decoded; looked up beside step 2) and checks the provider's limits, refusing (and
 *    dropping the file) with every reason;
 * 4. moves the file to its public key and records the Upload, naming its thumbnail's key (the
 *    thumbnail itself is made on its first request, see `ensureThumbnail`).
 * Nothing is left on disk when it refuses or fails.
 */
export async function ingestUpload(
  input: IngestUploadInput,
  deps: { storage: FileStorage; allowance?: UploadAllowance },
): Promise<IngestUploadResult> {
  const { storage } = deps;
  const allowance = deps.allowance ?? (await uploadAllowanceFromEnv());
  const fileName = await cleanFileName(input.fileName);
  const claimed = claimedFormat(fileName, input.contentType);
  const claimedType = claimed ? mediaFormats[claimed].type : null;

  if (input.contentLength != null && input.contentLength > MAX_UPLOAD_BYTES) {
    return refused([tooLarge(formatMegabytes(input.contentLength))]);
  }
  // The user's hourly count and the team's quota, before a byte is read (checked again,
  // atomically, when the upload is recorded).
  await assertUploadAllowed(readRows, { teamId: input.teamId, uploaderId: input.uploaderId, incomingBytes: input.contentLength ?? 0 }, allowance);

  let staged: StagedFile;
  try {
    // The file's ends are kept from the stream: the checks of its ends need not read it again.
    staged = await storage.stage(input.body, { maxBytes: MAX_UPLOAD_BYTES, keepEnds: FILE_END_BYTES });
  } catch (error) {
    if (error instanceof FileTooLargeError) return refused([tooLarge(`more than ${formatMegabytes(MAX_UPLOAD_BYTES)}`)]);
    if (error instanceof SourceReadError) {
      throw new AppError("INVALID_INPUT", "uploadInterrupted", {
        cause: error,
      });
    }
    throw error;
  }

  const storedKeys: string[] = [];
  let committed = false;
  try {
    const ends = { sizeBytes: staged.sizeBytes, ...(staged.ends ?? (await readFileEnds(staged.path))) };
    // The duplicate lookup and the probe at once; a duplicate is answered whatever the probe found.
    const [existing, probed] = await Promise.allSettled([findTeamUpload(readRows, input.teamId, staged.sha256), probeFile(staged.path, { claimedType, ends })]);
    if (existing.status === "rejected") throw existing.reason;
    if (existing.value) return { status: "deduplicated", upload: existing.value };
    if (probed.status === "rejected") throw probed.reason;
    const probe = probed.value;
    if (!probe.ok) return refused([probe.violation]);
    const media = probe.media;
    const violations = checkLimits(media, { complete: true });
    if (violations.length > 0) return refused(violations);

    const label = mediaFormats[media.format].label;
    const truncated = media.type === "IMAGE" ? findTruncation(ends, media.format, label) : null;
    if (truncated) return refused([{ code: "DAMAGED_FILE", message: truncated }]);

    const storageKey = newStorageKey(input.teamId, fileName, keepOrReplaceExtension(fileName, media));
    await storage.commit(staged, storageKey, { contentType: media.mimeType });
    committed = true;
    storedKeys.push(storageKey);

    // The thumbnail's key is named now and the picture made later, off this request
    // (`ensureThumbnail`: on its first request), so an upload costs no decoding.
    const thumbnailKey = takesThumbnail(media) ? newStorageKey(input.teamId, "thumbnail.webp") : null;

    try {
      const upload = await withTeamUploadLock(input.teamId, (run) =>
        insertUploadIfAllowed(
          run,
          {
            teamId: input.teamId,
            uploaderId: input.uploaderId,
            storageKey,
            thumbnailKey,
            sha256: staged.sha256,
            fileName,
            mimeType: media.mimeType,
            type: media.type,
            sizeBytes: media.sizeBytes,
            width: media.width,
            height: media.height,
            durationMs: media.durationMs === null ? null : Math.round(media.durationMs),
            fps: media.fps,
          },
          staged.sizeBytes,
          allowance,
        ),
      );
      storedKeys.length = 0;
      logger.info({ teamId: input.teamId, uploadId: upload.id, type: upload.type, sizeBytes: upload.sizeBytes }, "upload stored");
      return { status: "created", upload };
    } catch (error) {
      // The same bytes arriving twice at once: the other request recorded them first.
      if (isUniqueViolation(error)) {
        const winner = await findTeamUpload(readRows, input.teamId, staged.sha256);
        if (winner) return { status: "deduplicated", upload: winner };
      }
      throw error;
    }
  } finally {
    if (!committed) await storage.discard(staged).catch((error: unknown) => logger.warn({ err: error }, "staged upload not removed"));
    for (const key of storedKeys) {
      await storage.delete(key).catch((error: unknown) => logger.warn({ err: error, key }, "stored file not removed"));
    }
  }
}

// The upload's reads and writes are plain statements (`readRows`, `withTeamUploadLock`): they
// are most of the database work of every upload, where Prisma's query compiler and
// transaction machinery would cost more than the statements.

/** The team's upload of these exact bytes, if it has one. */
async function findTeamUpload(run: RunSql, teamId: string, sha256: string): Promise<Upload | null> {
  const [row] = await run<Upload>(Prisma.sql`SELECT * FROM "Upload" WHERE "teamId" = ${teamId} AND "sha256" = ${sha256}`);
  return row ?? null;
}

/**
 * Records an upload if the user's hourly count and the team's quota allow it, judged in the same
 * statement (run it under the team's upload lock); else throws the refusal with the numbers.
 * The id and time are made here, as Prisma makes them (`cuid()`, `now()`).
 */
async function insertUploadIfAllowed(
  run: RunSql,
  data: Omit<Upload, "id" | "createdAt">,
  incomingBytes: number,
  allowance: UploadAllowance,
): Promise<Upload> {
  const [row] = await run<UploadUse & { [K in keyof Upload]: Upload[K] | null }>(Prisma.sql`
    WITH use AS (${uploadUseQuery(data, allowance)}),
    inserted AS (
      INSERT INTO "Upload" ("id", "teamId", "uploaderId", "storageKey", "thumbnailKey", "sha256", "fileName", "mimeType", "type",
                            "sizeBytes", "width", "height", "durationMs", "fps", "createdAt")
      SELECT ${newRowId()}, ${data.teamId}, ${data.uploaderId}, ${data.storageKey}, ${data.thumbnailKey}, ${data.sha256}, ${data.fileName},
             ${data.mimeType}, ${data.type}::"AssetType", ${data.sizeBytes}::int, ${data.width}::int, ${data.height}::int, ${data.durationMs}::int,
             ${data.fps}::double precision, ${new Date()}::timestamp
        FROM use WHERE ${uploadAllowedCondition(incomingBytes, allowance)}
      RETURNING *)
    SELECT use.recent, use.oldest, use."usedBytes", inserted.* FROM use LEFT JOIN inserted ON true`);
  if (row?.id == null) {
    throw uploadRefusal(row, incomingBytes, allowance) ?? new Error("The upload was neither recorded nor refused");
  }
  const { recent: _recent, oldest: _oldest, usedBytes: _usedBytes, ...upload } = row;
  return upload as Upload;
}

/** The name as shown in the app; a name with folders, control or direction characters, or too long, is refused. */
async function cleanFileName(raw: string): Promise<string> {
  const problem = findFileNameProblem(raw);
  if (problem) {
    const say = await sentencesIn(await requestLocale());
    throw new AppError("INVALID_INPUT", "fileNameRefused", { values: { reason: say(problem) } });
  }
  return raw.normalize("NFC").trim();
}

/** The name's extension when it fits the real format, else the format's own. */
function keepOrReplaceExtension(fileName: string, media: ProbedMedia): string {
  const dot = fileName.lastIndexOf(".");
  const own = dot > 0 ? fileName.slice(dot + 1).toLowerCase() : "";
  return (mediaFormats[media.format].extensions as readonly string[]).includes(own) ? own : media.extension;
}

function tooLarge(size: string): LimitViolation {
  const mb = (bytes: number) => bytes / BYTES_PER_MB;
  return {
    code: "FILE_TOO_LARGE",
    message: `The file is ${size}, too large for any accepted type: videos may be up to ${mb(videoLimits.maxBytes)} MB, images under ${mb(imageLimits.maxBytesExclusive)} MB and audio up to ${mb(audioLimits.maxBytes)} MB.`,
  };
}

function refused(violations: LimitViolation[]): IngestUploadResult {
  logger.info({ codes: violations.map((v) => v.code) }, "upload refused");
  return { status: "refused", violations };
}
