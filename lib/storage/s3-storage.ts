import { randomUUID } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdir, readdir, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Readable } from "node:stream";
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  S3Client,
  S3ServiceException,
} from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import { mediaFormats } from "@/lib/media/limits";
import { formatForFileName } from "@/lib/media/media-format";
import type { ByteRange, ByteSource, FileStorage, OpenedFile, StagedFile, StoredFileInfo } from "@/lib/storage/file-storage";
import { isValidStorageKey } from "@/lib/storage/storage-key";
import { streamToFile } from "@/lib/storage/stream-to-file";

export type S3StorageOptions = {
  bucket: string;
  /** An S3 client of the caller's, or the settings to make one. */
  client?: S3Client;
  /** e.g. `https://s3.eu-central-1.amazonaws.com`, `https://<account>.r2.cloudflarestorage.com`, `http://minio:9000`; unset: AWS */
  endpoint?: string;
  region?: string;
  /** Unset: the AWS SDK's own chain (environment, instance or task role). */
  accessKeyId?: string;
  secretAccessKey?: string;
  /** `<endpoint>/<bucket>/<key>` rather than `<bucket>.<endpoint>/<key>` (MinIO, Ceph, most self-hosted stores). */
  forcePathStyle?: boolean;
  /**
   * Where the bucket's objects are readable by anyone who knows the key (a CDN, an R2 public
   * domain, a bucket policy allowing GetObject but not ListBucket). Unset: the provider gets
   * presigned GET URLs.
   */
  bucketPublicBaseUrl?: string;
  /** Lifetime of the presigned URLs handed to the provider; S3 allows at most 7 days. */
  presignSeconds?: number;
  /** Origin under which this app serves `/files/<key>` (streamed from the bucket) to browsers. */
  publicBaseUrl: string | (() => string);
  /** Local folder for staged files (probed and thumbnailed before they go to the bucket). */
  stagingDir?: string;
  /** Multipart part size; S3 wants at least 5 MiB. Memory use is about partSize x queueSize. */
  partSize?: number;
  queueSize?: number;
};

export const DEFAULT_PRESIGN_SECONDS = 24 * 60 * 60;
export const MAX_PRESIGN_SECONDS = 7 * 24 * 60 * 60;
const MIN_PART_SIZE = 5 * 1024 * 1024;
/** Staged files this old were left by a process that stopped mid-upload. */
const STALE_STAGED_MS = 24 * 60 * 60 * 1000;

/** An S3 client for any S3-compatible store (AWS S3, Cloudflare R2, MinIO, Ceph). */
export function createS3Client(options: Pick<S3StorageOptions, "endpoint" | "region" | "accessKeyId" | "secretAccessKey" | "forcePathStyle">): S3Client {
  return new S3Client({
    endpoint: options.endpoint,
    region: options.region ?? "us-east-1",
    forcePathStyle: options.forcePathStyle ?? false,
    credentials:
      options.accessKeyId && options.secretAccessKey
        ? { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey }
        : undefined,
    // Newer SDKs send CRC32 checksums on every upload and ask for them on every download;
    // several S3-compatible stores refuse or mishandle those. Only where the API requires one.
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
    maxAttempts: 3,
  });
}

/**
 * Files in an S3-compatible bucket under their keys. A file is staged on the local disk
 * first (streamed and hashed, so that it can be probed and thumbnailed), then committed with
 * a multipart upload read from that file: memory stays at a few parts whatever the size, and
 * a failed upload is aborted so that no part is left in the bucket. Browsers read through
 * `/files/<key>` (this app streams from the bucket, with Range); the provider gets a bucket
 * URL of its own (`providerUrl`). Nothing here makes the bucket listable.
 */
export function createS3Storage(options: S3StorageOptions): FileStorage & { client: S3Client; bucket: string } {
  const client = options.client ?? createS3Client(options);
  const bucket = options.bucket;
  const stagingDir = path.resolve(options.stagingDir ?? path.join(os.tmpdir(), "avatar-studio-staging"));
  const presignSeconds = options.presignSeconds ?? DEFAULT_PRESIGN_SECONDS;
  if (!(presignSeconds >= 1 && presignSeconds <= MAX_PRESIGN_SECONDS)) throw new Error(`presignSeconds must be between 1 and ${MAX_PRESIGN_SECONDS}`);
  const partSize = Math.max(MIN_PART_SIZE, options.partSize ?? 8 * 1024 * 1024);
  const queueSize = Math.max(1, options.queueSize ?? 2);
  let swept = false;

  function requireKey(key: string): string {
    if (!isValidStorageKey(key)) throw new Error(`Invalid storage key: ${JSON.stringify(key)}`);
    return key;
  }

  function requireStaged(staged: StagedFile): void {
    if (path.dirname(staged.path) !== stagingDir) throw new Error("Not a staged file of this storage");
  }

  const storage: FileStorage & { client: S3Client; bucket: string } = {
    client,
    bucket,

    async stage(source: ByteSource, { maxBytes }: { maxBytes: number }): Promise<StagedFile> {
      await mkdir(stagingDir, { recursive: true });
      if (!swept) {
        swept = true;
        void removeStale(stagingDir, STALE_STAGED_MS).catch(() => {});
      }
      const stagedPath = path.join(stagingDir, `${randomUUID()}.part`);
      const { sha256, sizeBytes } = await streamToFile(source, stagedPath, { maxBytes });
      return { path: stagedPath, sha256, sizeBytes };
    },

    async commit(staged: StagedFile, key: string): Promise<void> {
      requireKey(key);
      requireStaged(staged);
      const format = formatForFileName(key.slice(key.lastIndexOf("/") + 1));
      const upload = new Upload({
        client,
        params: {
          Bucket: bucket,
          Key: key,
          Body: createReadStream(staged.path),
          ContentType: format ? mediaFormats[format].mimeType : "application/octet-stream",
        },
        partSize,
        queueSize,
        // On failure the multipart upload is aborted: no parts stay behind, billed and invisible.
        leavePartsOnError: false,
      });
      await upload.done();
      // Committed: the staged copy goes, as a rename would have taken it on the disk.
      await rm(staged.path, { force: true });
    },

    async discard(staged: StagedFile): Promise<void> {
      requireStaged(staged);
      await rm(staged.path, { force: true });
    },

    async put(source: ByteSource, key: string, { maxBytes }: { maxBytes: number }) {
      requireKey(key);
      const staged = await storage.stage(source, { maxBytes });
      try {
        await storage.commit(staged, key);
      } catch (error) {
        await storage.discard(staged);
        throw error;
      }
      return { key, sha256: staged.sha256, sizeBytes: staged.sizeBytes };
    },

    async openRead(key: string, range?: ByteRange): Promise<OpenedFile | null> {
      if (!isValidStorageKey(key)) return null;
      if (range && (range.start < 0 || range.start > range.end)) throw new RangeError(`Range ${range.start}-${range.end} is not a byte range`);
      try {
        const answer = await client.send(
          new GetObjectCommand({ Bucket: bucket, Key: key, Range: range ? `bytes=${range.start}-${range.end}` : undefined }),
        );
        const total = totalFromContentRange(answer.ContentRange) ?? answer.ContentLength ?? 0;
        const part = range && answer.ContentRange ? { start: range.start, end: Math.min(range.end, total - 1) } : null;
        return {
          stream: answer.Body as Readable,
          range: part,
          sizeBytes: total,
          modifiedAt: answer.LastModified ?? new Date(0),
        };
      } catch (error) {
        if (isMissing(error)) return null;
        if (error instanceof S3ServiceException && error.$metadata.httpStatusCode === 416) {
          throw new RangeError(`Range ${range?.start}-${range?.end} is outside the file`);
        }
        throw error;
      }
    },

    async stat(key: string): Promise<StoredFileInfo | null> {
      if (!isValidStorageKey(key)) return null;
      try {
        const head = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
        return { sizeBytes: head.ContentLength ?? 0, modifiedAt: head.LastModified ?? new Date(0) };
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
    },

    async delete(key: string): Promise<void> {
      requireKey(key);
      try {
        await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
      } catch (error) {
        if (!isMissing(error)) throw error;
      }
    },

    publicUrl(key: string): string {
      const base = typeof options.publicBaseUrl === "function" ? options.publicBaseUrl() : options.publicBaseUrl;
      return `${base.replace(/\/$/, "")}/files/${encodeKey(key)}`;
    },

    async providerUrl(key: string): Promise<string> {
      requireKey(key);
      if (options.bucketPublicBaseUrl) return `${options.bucketPublicBaseUrl.replace(/\/$/, "")}/${encodeKey(key)}`;
      return getSignedUrl(client, new GetObjectCommand({ Bucket: bucket, Key: key }), { expiresIn: presignSeconds });
    },

    async ping(): Promise<void> {
      await client.send(new HeadBucketCommand({ Bucket: bucket }));
    },
  };
  return storage;
}

function encodeKey(key: string): string {
  return key.split("/").map(encodeURIComponent).join("/");
}

/** `bytes 0-9/1234` -> 1234 */
function totalFromContentRange(header: string | undefined): number | null {
  const match = header ? /\/(\d+)\s*$/.exec(header) : null;
  return match?.[1] ? Number(match[1]) : null;
}

function isMissing(error: unknown): boolean {
  if (!(error instanceof S3ServiceException)) return false;
  // A missing bucket is a broken setting, not a missing file.
  if (error.name === "NoSuchBucket") return false;
  return error.name === "NoSuchKey" || error.name === "NotFound" || error.$metadata.httpStatusCode === 404;
}

async function removeStale(dir: string, maxAgeMs: number): Promise<void> {
  const cutoff = Date.now() - maxAgeMs;
  for (const name of await readdir(dir)) {
    const full = path.join(dir, name);
    const info = await stat(full).catch(() => null);
    if (info?.isFile() && info.mtimeMs < cutoff) await rm(full, { force: true });
  }
}
