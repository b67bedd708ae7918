import { MAX_ASSET_NAME_LENGTH } from "@/lib/submissions/unique-names";
import { countsForNames, type FileItem, type UrlItem } from "./upload-items";

/** Files whose bytes were dropped before (the same upload): their key → the first one's name. Only the first is sent. */
export function findRepeats(files: readonly FileItem[]): Map<string, string> {
  const first = new Map<string, FileItem>();
  const result = new Map<string, string>();
  for (const f of files) {
    if (f.status !== "done" || !f.upload) continue;
    const earlier = first.get(f.upload.id);
    if (earlier) result.set(f.key, earlier.name);
    else first.set(f.upload.id, f);
  }
  return result;
}

/** What can be wrong with a name: a key under `upload.names` (the row says it in the user's language). */
export type NameProblem = "required" | "tooLong" | "taken";

/** What is wrong with each name that will be sent (empty, too long, taken by another item), by key. */
export function checkNames(files: readonly FileItem[], urls: readonly UrlItem[], repeats: ReadonlyMap<string, string>): Map<string, NameProblem> {
  const errors = new Map<string, NameProblem>();
  const holders = new Map<string, string>();
  const check = (key: string, raw: string) => {
    const name = raw.trim();
    if (!name) return errors.set(key, "required");
    if (name.length > MAX_ASSET_NAME_LENGTH) return errors.set(key, "tooLong");
    const holder = holders.get(name);
    if (holder) errors.set(key, "taken");
    else holders.set(name, key);
  };
  for (const f of files) if (countsForNames(f) && !repeats.has(f.key)) check(f.key, f.name);
  for (const u of urls) check(u.key, u.name);
  return errors;
}

export type UploadProgress = ReturnType<typeof uploadProgress>;

/** Bytes sent of all files that will be sent, and how many files stand where. */
export function uploadProgress(files: readonly FileItem[]) {
  const counting = files.filter((f) => f.status !== "refused");
  return {
    totalBytes: counting.reduce((n, f) => n + f.sizeBytes, 0),
    sentBytes: counting.reduce((n, f) => n + (f.status === "done" ? f.sizeBytes : Math.min(f.loaded, f.sizeBytes)), 0),
    pending: files.filter((f) => f.status === "checking" || f.status === "queued" || f.status === "uploading").length,
    failed: files.filter((f) => f.status === "failed").length,
    refused: files.filter((f) => f.status === "refused").length,
    uploaded: files.filter((f) => f.status === "done").length,
  };
}
