import { env, publicBaseUrl } from "@/lib/env";
import { createDiskStorage } from "@/lib/storage/disk-storage";
import type { FileStorage } from "@/lib/storage/file-storage";
import { createS3Storage } from "@/lib/storage/s3-storage";

let storage: FileStorage | undefined;

/**
 * The app's file storage, chosen by `STORAGE_DRIVER`: the disk under `STORAGE_DIR` (one host),
 * or an S3-compatible bucket (`S3_*`, any number of app and worker hosts). Browsers read
 * files under `${PUBLIC_BASE_URL}/files/` either way.
 */
export function getStorage(): FileStorage {
  storage ??= storageFromSettings(env);
  return storage;
}

type StorageSettings = Pick<
  typeof env,
  | "STORAGE_DRIVER"
  | "STORAGE_DIR"
  | "S3_ENDPOINT"
  | "S3_REGION"
  | "S3_BUCKET"
  | "S3_ACCESS_KEY_ID"
  | "S3_SECRET_ACCESS_KEY"
  | "S3_FORCE_PATH_STYLE"
  | "S3_PUBLIC_BASE_URL"
  | "S3_PRESIGN_SECONDS"
>;

/** A storage from settings; a missing or half-given S3 setting is an error naming it. */
export function storageFromSettings(settings: StorageSettings): FileStorage {
  if (settings.STORAGE_DRIVER !== "s3") return createDiskStorage({ root: settings.STORAGE_DIR, publicBaseUrl });
  if (!settings.S3_BUCKET) throw new Error("STORAGE_DRIVER=s3 needs S3_BUCKET");
  if (Boolean(settings.S3_ACCESS_KEY_ID) !== Boolean(settings.S3_SECRET_ACCESS_KEY)) {
    throw new Error("S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together: give both, or neither to use the AWS credential chain");
  }
  return createS3Storage({
    bucket: settings.S3_BUCKET,
    endpoint: settings.S3_ENDPOINT,
    region: settings.S3_REGION,
    accessKeyId: settings.S3_ACCESS_KEY_ID,
    secretAccessKey: settings.S3_SECRET_ACCESS_KEY,
    forcePathStyle: settings.S3_FORCE_PATH_STYLE,
    bucketPublicBaseUrl: settings.S3_PUBLIC_BASE_URL,
    presignSeconds: settings.S3_PRESIGN_SECONDS,
    publicBaseUrl,
  });
}
