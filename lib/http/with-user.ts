import "server-only";
import { requireUser, type SessionUser } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import { describeAppError, describeUnexpected } from "@/lib/i18n/error-message";
import { logger } from "@/lib/logger";
import { newRequestId } from "@/lib/request-id";

/** JSON answers the browser polls are never cached. */
export const noStore = { "cache-control": "no-store" } as const;

type RouteParams = Record<string, string | string[]>;
type RouteContext<P extends RouteParams> = { params: Promise<P> };

export type RouteArgs<P extends RouteParams> = { request: Request; params: P; requestId: string };
export type UserRouteArgs<P extends RouteParams> = RouteArgs<P> & { user: SessionUser };

/**
 * Every route handler is written through this (or `withUser`): it gives the handler a
 * request id and the route's params, and turns whatever it throws into the one error answer,
 * `{ error: { code, message, key, values } }`: an AppError's sentence in the user's language and
 * its status, else a generic message
 * with the request id, which the log line carries too. `what` names the route in the logs
 * ("listing assets"). Every answer carries the request id in `x-request-id`.
 */
export function withRoute<P extends RouteParams = Record<string, never>>(
  what: string,
  handler: (args: RouteArgs<P>) => Promise<Response>,
): (request: Request, context?: RouteContext<P>) => Promise<Response> {
  return async (request, context) => {
    const requestId = newRequestId();
    let response: Response;
    try {
      const params = context?.params ? await context.params : ({} as P);
      response = await handler({ request, params, requestId });
    } catch (error) {
      response = await errorAnswer(error, what, requestId);
    }
    response.headers.set("x-request-id", requestId);
    return response;
  };
}

/** `withRoute` for a signed-in user: the session and the user's team are looked up first (401 without one). */
export function withUser<P extends RouteParams = Record<string, never>>(
  what: string,
  handler: (args: UserRouteArgs<P>) => Promise<Response>,
): (request: Request, context?: RouteContext<P>) => Promise<Response> {
  return withRoute<P>(what, async (args) => handler({ ...args, user: await requireUser() }));
}

async function errorAnswer(error: unknown, what: string, requestId: string): Promise<Response> {
  if (isAppError(error)) {
    if (error.detail !== undefined || error.cause !== undefined) {
      logger.info({ code: error.code, detail: error.detail, err: error.cause, requestId }, `${what}: ${error.message}`);
    }
    const message = await describeAppError(error);
    return Response.json({ error: { code: error.code, message, key: error.key, values: error.values } }, { status: error.status, headers: noStore });
  }
  logger.error({ err: error, requestId }, `${what} failed`);
  return Response.json({ error: { code: "INTERNAL", message: await describeUnexpected(requestId) } }, { status: 500, headers: noStore });
}
