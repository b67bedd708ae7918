import { createEnv } from "@t3-oss/env-nextjs";
import { z } from "zod";
import { decodeKey } from "@/lib/crypto/decode-key";

const boolFlag = z
  .enum(["0", "1", "true", "false"])
  .transform((v) => v === "1" || v === "true");

/**
 * Every setting the server reads, validated once at start. A missing or bad value stops
 * start-up with a message naming it. `.env.example` lists them all.
 */
export const env = createEnv({
  server: {
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }),
    AUTH_SECRET: z.string().min(32, "AUTH_SECRET must be at least 32 characters"),
    /** The app's public origin: stored files are served under `${PUBLIC_BASE_URL}/files/`. */
    PUBLIC_BASE_URL: z.url().optional(),
    PORT: z.coerce.number().int().positive().default(3000),
    /** 32 bytes, base64 or hex: encrypts provider keys saved on the Settings page. */
    SETTINGS_ENCRYPTION_KEY: z
      .string()
      .refine((v) => decodeKey(v) !== null, "SETTINGS_ENCRYPTION_KEY must be 32 bytes as base64 or 64 hex characters"),
    UPSTREAM_BASE_URL: z.url(),
    UPSTREAM_API_KEY: z.string().min(1),
    UPSTREAM_MODELS: z
      .string()
      .default("doubao-seedance-2.0,doubao-seedance-2.0-fast")
      .transform((v) => v.split(",").map((s) => s.trim()).filter(Boolean))
      .pipe(z.array(z.string()).min(1, "UPSTREAM_MODELS needs at least one model id")),
    UPSTREAM_PROJECT_NAME: z.string().min(1).default("default"),
    UPSTREAM_TIMEOUT_MS: z.coerce.number().int().positive().default(20_000),
    UPSTREAM_MAX_RETRIES: z.coerce.number().int().min(0).max(10).default(3),
    UPSTREAM_CONCURRENCY: z.coerce.number().int().positive().default(8),
    /** Whether the provider honours Idempotency-Key, so that a lost answer may be resent. */
    UPSTREAM_IDEMPOTENCY: boolFlag.default(true),
    /** Where files live: `disk` (STORAGE_DIR, one host) or `s3` (an S3-compatible bucket, any number of hosts). */
    STORAGE_DRIVER: z.enum(["disk", "s3"]).default("disk"),
    STORAGE_DIR: z.string().min(1).default(".data/uploads"),
    /** Unset: AWS S3 itself. R2: https://<account>.r2.cloudflarestorage.com; MinIO: http://host:9000. */
    S3_ENDPOINT: z.url().optional(),
    S3_REGION: z.string().min(1).default("us-east-1"),
    S3_BUCKET: z.string().min(3).max(63).optional(),
    /** Unset (both): the AWS SDK's own credential chain (instance or task role). */
    S3_ACCESS_KEY_ID: z.string().min(1).optional(),
    S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
    /** Path-style URLs (`<endpoint>/<bucket>/<key>`): MinIO, Ceph and most self-hosted stores want it. */
    S3_FORCE_PATH_STYLE: boolFlag.default(false),
    /** A public read-only origin for the bucket's objects (CDN, R2 public domain); unset: the provider gets presigned URLs. */
    S3_PUBLIC_BASE_URL: z.url().optional(),
    /** How long a presigned URL handed to the provider lives (default 24 h; S3 allows at most 7 days). */
    S3_PRESIGN_SECONDS: z.coerce.number().int().min(60).max(7 * 24 * 60 * 60).default(24 * 60 * 60),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  },
  client: {},
  experimental__runtimeEnv: {},
  skipValidation: process.env.SKIP_ENV_VALIDATION === "1",
  emptyStringAsUndefined: true,
});

/** The base URL under which stored files are public. */
export function publicBaseUrl(): string {
  return (env.PUBLIC_BASE_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, "");
}
