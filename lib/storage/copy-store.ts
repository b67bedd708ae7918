import { createReadStream } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import type { FileStorage } from "@/lib/storage/file-storage";
import { isValidStorageKey } from "@/lib/storage/storage-key";

export type CopyProgress = {
  total: number;
  done: number;
  copied: number;
  alreadyThere: number;
  failed: number;
  bytesCopied: number;
  totalBytes: number;
};

export type CopyResult = CopyProgress & {
  /** Files under the folder that are not stored files (staging leftovers, stray files). */
  skipped: string[];
  failures: { key: string; error: string }[];
};

/**
 * Copies every stored file of a local store (a disk driver's folder) into another store,
 * usually a bucket, under the same key. Idempotent: a key the target already holds with the
 * same size is left alone, so an interrupted copy is finished by running it again. Files
 * are streamed one part at a time, `concurrency` at once.
 */
export async function copyStore(options: {
  sourceRoot: string;
  target: FileStorage;
  concurrency?: number;
  dryRun?: boolean;
  /** The Content-Type to store with a file (from its key's file name), where the target keeps one. */
  contentTypeOf?: (key: string) => string | undefined;
  onProgress?: (progress: CopyProgress, key: string) => void;
}): Promise<CopyResult> {
  const root = path.resolve(options.sourceRoot);
  const files: { key: string; full: string; size: number }[] = [];
  const skipped: string[] = [];
  for await (const full of walk(root)) {
    const key = path.relative(root, full).split(path.sep).join("/");
    if (!isValidStorageKey(key)) {
      skipped.push(key);
      continue;
    }
    files.push({ key, full, size: (await stat(full)).size });
  }
  files.sort((a, b) => a.key.localeCompare(b.key));

  const progress: CopyProgress = {
    total: files.length,
    done: 0,
    copied: 0,
    alreadyThere: 0,
    failed: 0,
    bytesCopied: 0,
    totalBytes: files.reduce((sum, f) => sum + f.size, 0),
  };
  const failures: CopyResult["failures"] = [];
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const file = files[next++]!;
      try {
        const existing = await options.target.stat(file.key);
        if (existing && existing.sizeBytes === file.size) {
          progress.alreadyThere++;
        } else if (!options.dryRun) {
          const result = await options.target.put(createReadStream(file.full), file.key, { maxBytes: file.size, contentType: options.contentTypeOf?.(file.key) });
          if (result.sizeBytes !== file.size) throw new Error(`copied ${result.sizeBytes} of ${file.size} bytes`);
          progress.copied++;
          progress.bytesCopied += file.size;
        } else {
          progress.copied++;
        }
      } catch (error) {
        progress.failed++;
        failures.push({ key: file.key, error: error instanceof Error ? error.message : String(error) });
      }
      progress.done++;
      options.onProgress?.({ ...progress }, file.key);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 4) }, worker));
  return { ...progress, skipped, failures };
}

async function* walk(dir: string): AsyncGenerator<string> {
  const entries = await readdir(dir, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return [];
    throw error;
  });
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else if (entry.isFile()) yield full;
  }
}
