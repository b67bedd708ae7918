import { isAppError } from "@/lib/errors";
import { describeAppError, describeUnexpected } from "@/lib/i18n/error-message";
import { logger } from "@/lib/logger";

const noStore = { "cache-control": "no-store" } as const;

/**
 * The API's one error answer: `{ error: { code, message, requestId } }` with the AppError's
 * status (its code is one of lib/errors.ts's stable codes), or 500 INTERNAL with a generic
 * message; the log line carries the request id either way.
 */
export async function apiErrorResponse(error: unknown, what: string, requestId: string): Promise<Response> {
  if (isAppError(error)) {
    if (error.detail !== undefined || error.cause !== undefined) {
      logger.info({ code: error.code, detail: error.detail, err: error.cause, requestId }, `api ${what}: ${error.message}`);
    }
    return Response.json({ error: { code: error.code, message: await describeAppError(error), requestId } }, { status: error.status, headers: noStore });
  }
  logger.error({ err: error, requestId }, `api ${what} failed`);
  return Response.json({ error: { code: "INTERNAL", message: await describeUnexpected(requestId), requestId } }, { status: 500, headers: noStore });
}
