import { env, publicBaseUrl } from "@/lib/env";
import { createDiskStorage } from "@/lib/storage/disk-storage";
import type { FileStorage } from "@/lib/storage/file-storage";

let storage: FileStorage | undefined;

/** The app's file storage: the disk under `STORAGE_DIR`, served under `${PUBLIC_BASE_URL}/files/`. */
export function getStorage(): FileStorage {
  storage ??= createDiskStorage({ root: env.STORAGE_DIR, publicBaseUrl });
  return storage;
}
