import { constants } from "node:fs";
import { access, mkdir, open, rename, rm, rmdir, stat } from "node:fs/promises";
import path from "node:path";
import type { ByteRange, ByteSource, CommitOptions, FileStorage, OpenedFile, StagedFile, StoredFileInfo } from "@/lib/storage/file-storage";
import { isValidStorageKey } from "@/lib/storage/storage-key";
import { createStagingArea, stageAndCommit } from "@/lib/storage/staging-area";

export type DiskStorageOptions = {
  /** Folder that holds the files; relative paths are resolved against the working directory. */
  root: string;
  /** Origin under which `/files/<key>` is served, e.g. `https://studio.example.com`. */
  publicBaseUrl: string | (() => string);
};

const STAGING_DIR = ".staging";

/**
 * Files on the local disk: `<root>/<key>`. Staged files wait in `<root>/.staging` (a name
 * no valid key can reach) so that committing is a rename on the same file system.
 */
export function createDiskStorage(options: DiskStorageOptions): FileStorage {
  const root = path.resolve(options.root);
  const staging = createStagingArea(path.join(root, STAGING_DIR));

  function pathOf(key: string): string | null {
    if (!isValidStorageKey(key)) return null;
    const full = path.join(root, ...key.split("/"));
    return full.startsWith(root + path.sep) ? full : null;
  }

  function requirePath(key: string): string {
    const full = pathOf(key);
    if (!full) throw new Error(`Invalid storage key: ${JSON.stringify(key)}`);
    return full;
  }

  const storage: FileStorage = {
    stage: staging.stage,

    async commit(staged: StagedFile, key: string): Promise<void> {
      const dest = requirePath(key);
      await mkdir(path.dirname(dest), { recursive: true });
      await rename(staged.path, dest);
    },

    discard: staging.discard,

    async put(source: ByteSource, key: string, options: { maxBytes: number } & CommitOptions) {
      requirePath(key);
      return stageAndCommit(storage, source, key, options);
    },

    async openRead(key: string, range?: ByteRange): Promise<OpenedFile | null> {
      const full = pathOf(key);
      if (!full) return null;
      // Open first, then stat the open file: a file deleted in between cannot half-answer.
      const handle = await open(full, "r").catch((error: NodeJS.ErrnoException) => {
        if (isMissing(error)) return null;
        throw error;
      });
      if (!handle) return null;
      try {
        const info = await handle.stat();
        if (!info.isFile()) {
          await handle.close();
          return null;
        }
        const last = info.size - 1;
        const part = range ? { start: range.start, end: Math.min(range.end, last) } : null;
        if (part && (part.start < 0 || part.start > part.end)) {
          await handle.close();
          throw new RangeError(`Range ${range?.start}-${range?.end} is outside a file of ${info.size} bytes`);
        }
        const stream = handle.createReadStream({ start: part?.start, end: part?.end, autoClose: true });
        return { stream, range: part, sizeBytes: info.size, modifiedAt: info.mtime };
      } catch (error) {
        await handle.close().catch(() => {});
        throw error;
      }
    },

    async stat(key: string): Promise<StoredFileInfo | null> {
      const full = pathOf(key);
      if (!full) return null;
      try {
        const info = await stat(full);
        return info.isFile() ? { sizeBytes: info.size, modifiedAt: info.mtime } : null;
      } catch (error) {
        if (isMissing(error as NodeJS.ErrnoException)) return null;
        throw error;
      }
    },

    async delete(key: string): Promise<void> {
      const full = requirePath(key);
      await rm(full, { force: true });
      // Drop the key's now-empty folder (its random segment); keep the team's.
      await rmdir(path.dirname(full)).catch(() => {});
    },

    publicUrl(key: string): string {
      const base = typeof options.publicBaseUrl === "function" ? options.publicBaseUrl() : options.publicBaseUrl;
      return `${base.replace(/\/$/, "")}/files/${key.split("/").map(encodeURIComponent).join("/")}`;
    },

    async providerUrl(key: string): Promise<string> {
      return storage.publicUrl(key);
    },

    async ping(): Promise<void> {
      await mkdir(root, { recursive: true });
      await access(root, constants.R_OK | constants.W_OK);
    },
  };
  return storage;
}

function isMissing(error: NodeJS.ErrnoException): boolean {
  return error.code === "ENOENT" || error.code === "ENOTDIR";
}
