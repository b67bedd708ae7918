import { open } from "node:fs/promises";
import type { FileEnds } from "@/lib/storage/file-storage";

/**
 * How much of each end of a file the checks of its ends look at: a ZIP's directory ends within
 * the last 64 kB; markup, end marks and RIFF sizes sit within these too.
 */
export const FILE_END_BYTES = 66 * 1024;

/** A file's size and its first and last `FILE_END_BYTES` bytes (the whole file when it is shorter). */
export type FileEndsOf = FileEnds & { sizeBytes: number };

/** Reads a file's ends, for a file not just received (a staged upload has them from its stream). */
export async function readFileEnds(filePath: string): Promise<FileEndsOf> {
  const handle = await open(filePath, "r");
  try {
    const { size } = await handle.stat();
    const length = Math.min(size, FILE_END_BYTES);
    const head = Buffer.alloc(length);
    await handle.read(head, 0, length, 0);
    const tail = Buffer.alloc(length);
    await handle.read(tail, 0, length, size - length);
    return { sizeBytes: size, head, tail };
  } finally {
    await handle.close();
  }
}
