import { requireUser } from "@/lib/auth/session";
import { publicBaseUrl } from "@/lib/env";
import { AppError, GENERIC_ERROR_MESSAGE, isAppError } from "@/lib/errors";
import { ingestUpload } from "@/lib/media/ingest-upload";
import { toUploadView } from "@/lib/media/upload-view";
import { logger } from "@/lib/logger";
import { newRequestId } from "@/lib/request-id";
import { getStorage } from "@/lib/storage/get-storage";

export const runtime = "nodejs";
/** A 50 MB video on a slow connection takes a while. */
export const maxDuration = 600;

/**
 * Upload one file: the raw bytes are the request body (so the browser can report progress),
 * the file's name is `?name=` (URL-encoded) and its type is the Content-Type.
 *
 * 201 `{ upload, deduplicated }` · 422 `{ error, violations }` when the file breaks the
 * provider's limits · 400/401/403 `{ error }` · 500 `{ error }` with a reference id.
 */
export async function POST(request: Request): Promise<Response> {
  try {
    const user = await requireUser();
    assertSameOrigin(request);
    const fileName = new URL(request.url).searchParams.get("name");
    if (!fileName?.trim()) throw new AppError("INVALID_INPUT", "The upload is missing the file's name (?name=).");
    if (!request.body) throw new AppError("INVALID_INPUT", "The upload has no file in it.");

    const storage = getStorage();
    const result = await ingestUpload(
      {
        teamId: user.teamId,
        uploaderId: user.id,
        fileName,
        contentType: request.headers.get("content-type"),
        contentLength: contentLength(request),
        body: request.body,
      },
      { storage },
    );

    if (result.status === "refused") {
      return Response.json(
        {
          error: { code: "FILE_REFUSED", message: result.violations.map((v) => v.message).join(" ") },
          violations: result.violations,
        },
        { status: 422 },
      );
    }
    return Response.json(
      { upload: toUploadView(result.upload, storage), deduplicated: result.status === "deduplicated" },
      { status: 201 },
    );
  } catch (error) {
    return errorResponse(error);
  }
}

function contentLength(request: Request): number | null {
  const value = request.headers.get("content-length");
  return value && /^\d+$/.test(value) ? Number(value) : null;
}

/** Cookies ride along on cross-site requests too: a browser's Origin must be this site. */
function assertSameOrigin(request: Request): void {
  const origin = request.headers.get("origin");
  if (!origin) return;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    originHost = "";
  }
  const hosts = [
    new URL(publicBaseUrl()).host,
    request.headers.get("x-forwarded-host"),
    request.headers.get("host"),
    new URL(request.url).host,
  ];
  if (!hosts.includes(originHost)) throw new AppError("FORBIDDEN", "Uploads are only accepted from this site's own pages.");
}

function errorResponse(error: unknown): Response {
  if (isAppError(error)) {
    if (error.detail !== undefined || error.cause !== undefined) {
      logger.info({ code: error.code, detail: error.detail, err: error.cause }, error.message);
    }
    return Response.json({ error: { code: error.code, message: error.message } }, { status: error.status });
  }
  const requestId = newRequestId();
  logger.error({ err: error, requestId }, "upload failed");
  return Response.json(
    { error: { code: "INTERNAL", message: `${GENERIC_ERROR_MESSAGE} (ref ${requestId})` } },
    { status: 500 },
  );
}
