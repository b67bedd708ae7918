import { Readable } from "node:stream";
import { prisma } from "@/lib/db";
import { logger } from "@/lib/logger";
import { ensureThumbnail } from "@/lib/media/ensure-thumbnail";
import { mediaFormats } from "@/lib/media/limits";
import { formatForFileName } from "@/lib/media/media-format";
import { newRequestId } from "@/lib/request-id";
import { getStorage } from "@/lib/storage/get-storage";
import { parseRangeHeader } from "@/lib/storage/parse-range";
import { isValidStorageKey } from "@/lib/storage/storage-key";

export const runtime = "nodejs";

type Context = { params: Promise<{ key: string[] }> };

/**
 * Stored files. They must be reachable without a session: the provider downloads submitted
 * references from these URLs and has no cookie. So a file is served only when
 * - its key has the shape `newStorageKey` gives (`t/<team>/<128 random bits>/<name>`), so
 *   nothing else that may sit under the storage folder is ever reachable, and
 * - it belongs to a record of that same team (an upload or its thumbnail, a finished video or
 *   its last frame), so a file whose record is gone is no longer served;
 * and the 128 random bits keep the URL unguessable (a capability, as the provider needs).
 * Files never change under a key, so they are cached for a year. One byte range per request
 * is served (206); anything else is a 404. Only the media types the app accepts are shown
 * inline; anything else is an attachment, and `nosniff` plus a sandboxing CSP keep a file
 * from ever running as a page.
 */
export async function GET(request: Request, context: Context): Promise<Response> {
  return serveFile(request, context, true);
}

export async function HEAD(request: Request, context: Context): Promise<Response> {
  return serveFile(request, context, false);
}

async function serveFile(request: Request, context: Context, withBody: boolean): Promise<Response> {
  try {
    const { key: segments } = await context.params;
    const key = segments.join("/");
    if (!isValidStorageKey(key) || !isRecordKeyShape(segments)) return notFound();
    if (!(await belongsToRecord(key, segments[1]!))) return notFound();

    const storage = getStorage();
    // An upload's thumbnail is made on its first request (uploads only name its key).
    let info = await storage.stat(key);
    if (!info && key.endsWith("/thumbnail.webp") && (await ensureThumbnail(key, { storage }))) info = await storage.stat(key);
    if (!info) return notFound();

    const fileName = segments[segments.length - 1] ?? "file";
    const format = formatForFileName(fileName);
    const etag = `"${info.sizeBytes.toString(16)}-${info.modifiedAt.getTime().toString(16)}"`;
    const headers = new Headers({
      "Content-Type": format ? mediaFormats[format].mimeType : "application/octet-stream",
      "Content-Security-Policy": "default-src 'none'; sandbox",
      "Accept-Ranges": "bytes",
      "Cache-Control": "public, max-age=31536000, immutable",
      ETag: etag,
      "Last-Modified": info.modifiedAt.toUTCString(),
      "X-Content-Type-Options": "nosniff",
      "Content-Disposition": `${format ? "inline" : "attachment"}; filename="${fileName}"`,
    });

    if (matchesEtag(request.headers.get("if-none-match"), etag)) {
      return new Response(null, { status: 304, headers });
    }

    const ifRange = request.headers.get("if-range");
    const rangeHeader = ifRange && ifRange !== etag ? null : request.headers.get("range");
    const range = parseRangeHeader(rangeHeader, info.sizeBytes);
    if (range === "unsatisfiable") {
      headers.set("Content-Range", `bytes */${info.sizeBytes}`);
      headers.delete("Content-Disposition");
      return new Response(null, { status: 416, headers });
    }

    const status = range ? 206 : 200;
    const length = range ? range.end - range.start + 1 : info.sizeBytes;
    headers.set("Content-Length", String(length));
    if (range) headers.set("Content-Range", `bytes ${range.start}-${range.end}/${info.sizeBytes}`);
    if (!withBody) return new Response(null, { status, headers });

    const opened = await storage.openRead(key, range ?? undefined);
    if (!opened) return notFound();
    const body = Readable.toWeb(opened.stream) as unknown as ReadableStream<Uint8Array>;
    return new Response(body, { status, headers });
  } catch (error) {
    const requestId = newRequestId();
    logger.error({ err: error, requestId }, "file could not be served");
    return new Response(`Something went wrong (ref ${requestId}).`, {
      status: 500,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    });
  }
}

const RANDOM_SEGMENT = /^[a-z2-7]{26}$/;

/** `t/<team>/<random>/<name>`: the only shape of key the app hands out for files. */
function isRecordKeyShape(segments: readonly string[]): boolean {
  return segments.length === 4 && segments[0] === "t" && RANDOM_SEGMENT.test(segments[2]!);
}

/** Whether a record of the key's own team points at the file. */
async function belongsToRecord(key: string, teamId: string): Promise<boolean> {
  const [upload, video] = await Promise.all([
    prisma.upload.findFirst({ where: { teamId, OR: [{ storageKey: key }, { thumbnailKey: key }] }, select: { id: true } }),
    prisma.videoJob.findFirst({ where: { teamId, OR: [{ videoKey: key }, { lastFrameKey: key }] }, select: { id: true } }),
  ]);
  return upload !== null || video !== null;
}

function matchesEtag(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.trim() === "*" || ifNoneMatch.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag);
}

function notFound(): Response {
  return new Response("Not found", {
    status: 404,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" },
  });
}
