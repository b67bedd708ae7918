import { randomUUID } from "node:crypto";
import { mkdir, readdir, rm, stat } from "node:fs/promises";
import path from "node:path";
import type { ByteSource, CommitOptions, FileStorage, StagedFile, StageOptions } from "@/lib/storage/file-storage";
import { streamToFile } from "@/lib/storage/stream-to-file";

/** Staged files this old were left by a process that stopped mid-upload. */
const STALE_STAGED_MS = 24 * 60 * 60 * 1000;

/**
 * A folder of local temporary files where uploads wait, hashed and counted, until they are
 * committed (to the disk store by a rename, to a bucket by an upload) or discarded. Every
 * driver stages the same way, so probes and thumbnailers always read a local file.
 */
export function createStagingArea(dir: string) {
  const stagingDir = path.resolve(dir);
  let swept = false;

  /** Throws unless the file was staged here. */
  function requireStaged(staged: StagedFile): void {
    if (path.dirname(staged.path) !== stagingDir) throw new Error("Not a staged file of this storage");
  }

  return {
    dir: stagingDir,
    requireStaged,

    async stage(source: ByteSource, { maxBytes, keepEnds }: StageOptions): Promise<StagedFile> {
      await mkdir(stagingDir, { recursive: true });
      if (!swept) {
        swept = true;
        void removeStale(stagingDir, STALE_STAGED_MS).catch(() => {});
      }
      const stagedPath = path.join(stagingDir, `${randomUUID()}.part`);
      const { sha256, sizeBytes, ends } = await streamToFile(source, stagedPath, { maxBytes, keepEnds });
      return { path: stagedPath, sha256, sizeBytes, ...(ends ? { ends } : {}) };
    },

    async discard(staged: StagedFile): Promise<void> {
      requireStaged(staged);
      await rm(staged.path, { force: true });
    },
  };
}

/** `put` for any driver: stage, then commit; a failed commit discards the staged file. */
export async function stageAndCommit(
  storage: Pick<FileStorage, "stage" | "commit" | "discard">,
  source: ByteSource,
  key: string,
  { maxBytes, ...commitOptions }: { maxBytes: number } & CommitOptions,
): Promise<{ key: string; sha256: string; sizeBytes: number }> {
  const staged = await storage.stage(source, { maxBytes });
  try {
    await storage.commit(staged, key, commitOptions);
  } catch (error) {
    await storage.discard(staged);
    throw error;
  }
  return { key, sha256: staged.sha256, sizeBytes: staged.sizeBytes };
}

async function removeStale(dir: string, maxAgeMs: number): Promise<void> {
  const cutoff = Date.now() - maxAgeMs;
  for (const name of await readdir(dir)) {
    const full = path.join(dir, name);
    const info = await stat(full).catch(() => null);
    if (info?.isFile() && info.mtimeMs < cutoff) await rm(full, { force: true });
  }
}
