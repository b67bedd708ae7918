import { createEnv } from "@t3-oss/env-nextjs";
import { z } from "zod";
import { decodeKey } from "@/lib/crypto/decode-key";
import { databaseEnv } from "@/lib/database-env";
import { logEnv } from "@/lib/log-env";
import { productionSecretProblems } from "@/lib/auth/production-secrets";

const boolFlag = z
  .enum(["0", "1", "true", "false"])
  .transform((v) => v === "1" || v === "true");

/**
 * Every setting the server reads, validated once at start. A missing or bad value stops
 * start-up with a message naming it. `.env.example` lists them all. The database's and the
 * logger's settings are validated in their own modules (so that scripts can use them
 * alone) and are part of this one.
 */
export const env = createEnv({
  extends: [databaseEnv, logEnv],
  server: {
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
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
    /**
     * How long a video job whose send went unanswered is resent under its idempotency key
     * before it waits for a person (hours).
     */
    UPSTREAM_UNCERTAIN_WINDOW_HOURS: z.coerce.number().positive().max(24 * 30).default(24),
    STORAGE_DIR: z.string().min(1).default(".data/uploads"),
    /**
     * How many reverse proxies in front of the app to trust. 0 (default): the client is the
     * TCP peer. N: the client is the Nth X-Forwarded-For entry from the right (the one the
     * outermost trusted proxy appended); entries left of it are the client's own words.
     */
    TRUST_PROXY: z.coerce.number().int().min(0).max(20).default(0),
    /** Loopback and private addresses allowed for every outbound request (see lib/net/outbound-policy.ts). */
    OUTBOUND_ALLOW_PRIVATE: boolFlag.default(false),
    /** Comma-separated `host` or `host:port` entries whose private addresses may be reached. */
    OUTBOUND_ALLOWED_HOSTS: z.string().optional(),
    /** Files one user may upload per hour. */
    UPLOADS_PER_USER_PER_HOUR: z.coerce.number().int().positive().default(300),
    /** Bytes of uploads one team may keep, in decimal gigabytes. */
    TEAM_STORAGE_QUOTA_GB: z.coerce.number().positive().default(20),
    /** Requests one API token may make per minute (`/api/v1`). */
    API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(120),
    /** Asset groups a team may have at the provider (the contract gives no figure; set your account's). */
    ASSET_GROUPS_LIMIT: z.coerce.number().int().positive().default(1000),
    /** Assets one group may hold at the provider, counting those in review and approved. */
    ASSETS_PER_GROUP_LIMIT: z.coerce.number().int().positive().default(1000),
    /** Video jobs a team may have running at once when its admin set no lower limit (the contract: 120 queued tasks per account). */
    VIDEO_JOBS_RUNNING_LIMIT: z.coerce.number().int().positive().default(120),
    /** Where files live: `disk` (STORAGE_DIR, one host) or `s3` (an S3-compatible bucket, any number of hosts). */
    STORAGE_DRIVER: z.enum(["disk", "s3"]).default("disk"),
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
    /**
     * Browser tests only (scripts/e2e-server.ts sets it): the job page fails to render for this
     * one well-formed id, so the tests can see the app's error page. Unset everywhere else.
     */
    E2E_BROKEN_RECORD_ID: z.string().min(20).optional(),
  },
  client: {},
  experimental__runtimeEnv: {},
  skipValidation: process.env.SKIP_ENV_VALIDATION === "1",
  emptyStringAsUndefined: true,
});

// Production refuses to start with a development or published secret.
if (process.env.SKIP_ENV_VALIDATION !== "1" && env.NODE_ENV === "production") {
  const problems = productionSecretProblems({ AUTH_SECRET: env.AUTH_SECRET, SETTINGS_ENCRYPTION_KEY: env.SETTINGS_ENCRYPTION_KEY });
  if (problems.length > 0) throw new Error(`Invalid environment variables:\n  ${problems.join("\n  ")}`);
}

/** The base URL under which stored files are public. */
export function publicBaseUrl(): string {
  return (env.PUBLIC_BASE_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, "");
}
