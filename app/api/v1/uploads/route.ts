import { apiRoute } from "@/lib/api-v1/api-route";
import { parseApiQuery, uploadQuerySchema } from "@/lib/api-v1/api-schemas";
import { AppError, type ErrorCode } from "@/lib/errors";
import { ingestUpload } from "@/lib/media/ingest-upload";
import { toUploadView } from "@/lib/media/upload-view";
import { getStorage } from "@/lib/storage/get-storage";

export const runtime = "nodejs";
export const maxDuration = 600;

/**
 * `POST /api/v1/uploads?name=<file name>` with the file's bytes as the body and its type as
 * Content-Type → 201 `{ upload, deduplicated }` (scope `submit`); then submit it by its id.
 * Checked like the Upload page's files; 422 with every reason when it breaks a limit.
 */
export const POST = apiRoute({ what: "api upload", scope: "submit", streamBody: true }, async ({ request, caller, requestId }) => {
  const { name } = parseApiQuery(request, uploadQuerySchema);
  if (!request.body) throw new AppError("INVALID_INPUT", "uploadHasNoFile");
  const storage = getStorage();
  const length = request.headers.get("content-length");
  const result = await ingestUpload(
    {
      teamId: caller.user.teamId,
      uploaderId: caller.user.id,
      fileName: name,
      contentType: request.headers.get("content-type"),
      contentLength: length && /^\d+$/.test(length) ? Number(length) : null,
      body: request.body,
    },
    { storage },
  );
  if (result.status === "refused") {
    return Response.json(
      {
        error: { code: "FILE_REFUSED" satisfies ErrorCode, message: result.violations.map((v) => v.message).join(" "), requestId },
        violations: result.violations,
      },
      { status: 422 },
    );
  }
  return Response.json({ upload: toUploadView(result.upload, storage), deduplicated: result.status === "deduplicated" }, { status: 201 });
});
