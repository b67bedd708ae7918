// `npm run storage:migrate`: copies a local store (STORAGE_DIR, default .data/uploads) into
// the bucket the S3_* settings name, under the same keys. Safe to run again: files already
// in the bucket are left alone, so an interrupted copy is finished by running it once more.
// Switch the app to STORAGE_DRIVER=s3 afterwards (the keys in the database stay valid).
//
//   npm run storage:migrate -- [--from <folder>] [--concurrency 4] [--dry-run]
import { existsSync } from "node:fs";
import path from "node:path";
import { mediaFormats } from "@/lib/media/limits";
import { formatForFileName } from "@/lib/media/media-format";
import { copyStore, type CopyProgress } from "@/lib/storage/copy-store";
import { createS3Storage, DEFAULT_PRESIGN_SECONDS } from "@/lib/storage/s3-storage";

for (const file of [".env.local", ".env"]) {
  const full = path.resolve(file);
  if (existsSync(full)) process.loadEnvFile(full);
}

const args = process.argv.slice(2);
const option = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const from = path.resolve(option("from") ?? process.env.STORAGE_DIR ?? ".data/uploads");
const concurrency = Number(option("concurrency") ?? 4);
const dryRun = args.includes("--dry-run");
const env = (name: string) => process.env[name]?.trim() || undefined;

const bucket = env("S3_BUCKET");
if (!bucket) {
  console.error("storage:migrate needs the bucket's settings: S3_BUCKET (and S3_ENDPOINT, S3_REGION, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY, S3_FORCE_PATH_STYLE as the app uses them).");
  process.exit(2);
}
if (!existsSync(from)) {
  console.error(`Nothing to copy: ${from} does not exist.`);
  process.exit(2);
}

const target = createS3Storage({
  bucket,
  endpoint: env("S3_ENDPOINT"),
  region: env("S3_REGION") ?? "us-east-1",
  accessKeyId: env("S3_ACCESS_KEY_ID"),
  secretAccessKey: env("S3_SECRET_ACCESS_KEY"),
  forcePathStyle: ["1", "true"].includes(env("S3_FORCE_PATH_STYLE") ?? ""),
  presignSeconds: DEFAULT_PRESIGN_SECONDS,
  publicBaseUrl: env("PUBLIC_BASE_URL") ?? "http://localhost",
});

try {
  await target.ping();
} catch (error) {
  console.error(`The bucket "${bucket}" does not answer: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

console.log(`${dryRun ? "Would copy" : "Copying"} ${from} -> bucket ${bucket}${env("S3_ENDPOINT") ? ` at ${env("S3_ENDPOINT")}` : ""}`);
const tty = process.stderr.isTTY;
let lastLine = -1;
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
function draw(p: CopyProgress) {
  const width = 30;
  const filled = p.total ? Math.round((p.done / p.total) * width) : width;
  const line = `[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${p.done}/${p.total} files  ${mb(p.bytesCopied)} copied  ${p.alreadyThere} already there  ${p.failed} failed`;
  if (tty) process.stderr.write(`\r${line}`);
  else {
    // Not a terminal (a log): a line per tenth.
    const tenth = p.total ? Math.floor((p.done / p.total) * 10) : 10;
    if (tenth !== lastLine) {
      lastLine = tenth;
      process.stderr.write(`${line}\n`);
    }
  }
}

const contentTypeOf = (key: string) => {
  const format = formatForFileName(key.slice(key.lastIndexOf("/") + 1));
  return format ? mediaFormats[format].mimeType : undefined;
};
const result = await copyStore({ sourceRoot: from, target, concurrency, dryRun, contentTypeOf, onProgress: draw });
if (tty) process.stderr.write("\n");
for (const failure of result.failures) console.error(`failed: ${failure.key}: ${failure.error}`);
if (result.skipped.length) console.log(`Skipped ${result.skipped.length} file(s) that are not stored files (e.g. ${result.skipped.slice(0, 3).join(", ")}).`);
console.log(
  `${dryRun ? "Would copy" : "Copied"} ${result.copied} of ${result.total} file(s) (${mb(result.bytesCopied)}); ${result.alreadyThere} already in the bucket; ${result.failed} failed.`,
);
process.exit(result.failed > 0 ? 1 : 0);
