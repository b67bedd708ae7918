import type { ByteRange } from "@/lib/storage/file-storage";

/**
 * A `Range` header against a file of `sizeBytes` bytes. Only one `bytes=` range is served:
 * null means "send the whole file" (no header, another unit, several ranges or a malformed
 * one, which the standard lets a server ignore), "unsatisfiable" means answer 416.
 */
export function parseRangeHeader(header: string | null | undefined, sizeBytes: number): ByteRange | "unsatisfiable" | null {
  if (!header) return null;
  const match = /^\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$/i.exec(header);
  if (!match) return null;
  const [, first = "", last = ""] = match;
  if (first === "" && last === "") return null;
  if (first === "") {
    const suffix = Number(last);
    if (suffix === 0 || sizeBytes === 0) return "unsatisfiable";
    return { start: Math.max(0, sizeBytes - suffix), end: sizeBytes - 1 };
  }
  const start = Number(first);
  const end = last === "" ? Number.MAX_SAFE_INTEGER : Number(last);
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end)) return null;
  if (end < start) return null;
  if (start >= sizeBytes) return "unsatisfiable";
  return { start, end: Math.min(end, sizeBytes - 1) };
}
