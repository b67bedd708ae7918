import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";

/** Keeps file bytes (approved images, rendered videos) on disk or in memory. */
export interface BlobStore {
  put(key: string, data: Buffer): Promise<void>;
  get(key: string): Promise<Buffer | undefined>;
  delete(key: string): Promise<void>;
}

const KEY_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*(\/[A-Za-z0-9][A-Za-z0-9._-]*)*$/;

function checkKey(key: string): void {
  if (!KEY_PATTERN.test(key) || key.includes("..")) throw new Error(`invalid blob key: ${key}`);
}

export class MemoryBlobStore implements BlobStore {
  private readonly blobs = new Map<string, Buffer>();

  async put(key: string, data: Buffer): Promise<void> {
    checkKey(key);
    this.blobs.set(key, data);
  }

  async get(key: string): Promise<Buffer | undefined> {
    return this.blobs.get(key);
  }

  async delete(key: string): Promise<void> {
    this.blobs.delete(key);
  }
}

export class DiskBlobStore implements BlobStore {
  constructor(private readonly dir: string) {}

  async put(key: string, data: Buffer): Promise<void> {
    checkKey(key);
    const file = path.join(this.dir, key);
    await mkdir(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    await writeFile(tmp, data);
    await rename(tmp, file);
  }

  async get(key: string): Promise<Buffer | undefined> {
    checkKey(key);
    try {
      return await readFile(path.join(this.dir, key));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    checkKey(key);
    await rm(path.join(this.dir, key), { force: true });
  }
}

/** Blobs live beside the state file: `state.json` keeps its files in `state-files/`. */
export function blobDirFor(stateFile: string): string {
  const base = path.basename(stateFile, path.extname(stateFile));
  return path.join(path.dirname(stateFile), `${base}-files`);
}
