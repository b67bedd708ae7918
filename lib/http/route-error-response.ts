import { GENERIC_ERROR_MESSAGE, isAppError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { newRequestId } from "@/lib/request-id";

/** A read route's error as JSON `{ error: { code, message } }`: an AppError's own words, else a generic message with a reference. */
export function routeErrorResponse(error: unknown, what: string): Response {
  if (isAppError(error)) {
    return Response.json({ error: { code: error.code, message: error.message } }, { status: error.status, headers: noStore });
  }
  const requestId = newRequestId();
  logger.error({ err: error, requestId }, `${what} failed`);
  return Response.json({ error: { code: "INTERNAL", message: `${GENERIC_ERROR_MESSAGE} (ref ${requestId})` } }, { status: 500, headers: noStore });
}

export const noStore = { "cache-control": "no-store" } as const;
