import { createReadStream } from "node:fs";
import { rm } from "node:fs/promises";
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
import type { ByteRange, ByteSource, CommitOptions, FileStorage, OpenedFile, StagedFile, StoredFileInfo } from "@/lib/storage/file-storage";
import { isValidStorageKey } from "@/lib/storage/storage-key";
import { createStagingArea, stageAndCommit } from "@/lib/storage/staging-area";

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
  const staging = createStagingArea(options.stagingDir ?? path.join(os.tmpdir(), "avatar-studio-staging"));
  const presignSeconds = options.presignSeconds ?? DEFAULT_PRESIGN_SECONDS;
  if (!(presignSeconds >= 1 && presignSeconds <= MAX_PRESIGN_SECONDS)) throw new Error(`presignSeconds must be between 1 and ${MAX_PRESIGN_SECONDS}`);
  const partSize = Math.max(MIN_PART_SIZE, options.partSize ?? 8 * 1024 * 1024);
  const queueSize = Math.max(1, options.queueSize ?? 2);

  function requireKey(key: string): string {
    if (!isValidStorageKey(key)) throw new Error(`Invalid storage key: ${JSON.stringify(key)}`);
    return key;
  }

  const storage: FileStorage & { client: S3Client; bucket: string } = {
    client,
    bucket,

    stage: staging.stage,

    async commit(staged: StagedFile, key: string, options?: CommitOptions): Promise<void> {
      requireKey(key);
      staging.requireStaged(staged);
      const upload = new Upload({
        client,
        params: {
          Bucket: bucket,
          Key: key,
          Body: createReadStream(staged.path),
          ContentType: options?.contentType ?? "application/octet-stream",
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

    discard: staging.discard,

    async put(source: ByteSource, key: string, options: { maxBytes: number } & CommitOptions) {
      requireKey(key);
      return stageAndCommit(storage, source, key, options);
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

