import { publicBaseUrl } from "@/lib/env";
import { AppError, type ErrorCode } from "@/lib/errors";
import { withUser } from "@/lib/http/with-user";
import { ingestUpload } from "@/lib/media/ingest-upload";
import { toUploadView } from "@/lib/media/upload-view";
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
export const POST = withUser("upload", async ({ request, user }) => {
  assertSameOrigin(request);
  const fileName = new URL(request.url).searchParams.get("name");
  if (!fileName?.trim()) throw new AppError("INVALID_INPUT", "uploadMissingName");
  if (!request.body) throw new AppError("INVALID_INPUT", "uploadHasNoFile");

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
        error: { code: "FILE_REFUSED" satisfies ErrorCode, message: result.violations.map((v) => v.message).join(" ") },
        violations: result.violations,
      },
      { status: 422 },
    );
  }
  return Response.json(
    { upload: toUploadView(result.upload, storage), deduplicated: result.status === "deduplicated" },
    { status: 201 },
  );
});

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
  if (!hosts.includes(originHost)) throw new AppError("FORBIDDEN", "uploadsOnlyFromSite");
}
