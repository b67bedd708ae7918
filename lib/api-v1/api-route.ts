import "server-only";
import { createHash } from "node:crypto";
import type { z } from "zod";
import { assertScope, authenticateToken, type TokenCaller } from "@/lib/api-v1/authenticate-token";
import { apiErrorResponse } from "@/lib/api-v1/api-error";
import { claimIdempotencyKey, completeIdempotencyKey, idempotencyKeyOf, releaseIdempotencyKey, requestHash } from "@/lib/api-v1/idempotency";
import { countRequest, rateLimitHeaders, type RateLimitState } from "@/lib/api-v1/rate-limit";
import type { TokenScope } from "@/lib/api-tokens/token-scopes";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { newRequestId } from "@/lib/request-id";
import { requestLocale } from "@/lib/i18n/error-message";
import { sentencesIn } from "@/lib/i18n/sentence-in";

type RouteParams = Record<string, string | string[]>;
type RouteContext<P extends RouteParams> = { params: Promise<P> };

export type ApiArgs<P extends RouteParams, B> = { request: Request; params: P; caller: TokenCaller; requestId: string; body: B };

type Options<S extends z.ZodType | undefined> = {
  /** Names the route in the logs ("listing assets"). */
  what: string;
  scope: TokenScope;
  /** A JSON body checked against this schema (POST). */
  body?: S;
  /** The handler reads the raw body itself (an upload); its bytes are part of the Idempotency-Key's request. */
  streamBody?: boolean;
};

/**
 * Every `/api/v1` route is written through this: the token's caller (401), the rate limit per
 * token (429 + Retry-After, and `RateLimit-*` on every answer), the scope (403), the JSON body
 * checked by its zod schema (400 with each problem), `Idempotency-Key` on POST, and the one
 * error answer `{ error: { code, message, requestId } }`. Every answer carries `x-request-id`.
 */
export function apiRoute<P extends RouteParams = Record<string, never>, S extends z.ZodType | undefined = undefined>(
  options: Options<S>,
  handler: (args: ApiArgs<P, S extends z.ZodType ? z.output<S> : undefined>) => Promise<Response>,
): (request: Request, context?: RouteContext<P>) => Promise<Response> {
  return async (request, context) => {
    const requestId = newRequestId();
    let rate: RateLimitState | null = null;
    let response: Response;
    try {
      const caller = await authenticateToken(request);
      rate = await countRequest(caller.tokenId, env.API_RATE_LIMIT_PER_MINUTE);
      if (!rate.allowed) {
        const limited = rate;
        response = await apiErrorResponse(new AppError("RATE_LIMITED", "tokenRateLimited", { values: { limit: limited.limit, seconds: limited.resetSeconds } }), options.what, requestId);
        response.headers.set("Retry-After", String(limited.resetSeconds));
      } else {
        assertScope(caller, options.scope);
        const params = context?.params ? await context.params : ({} as P);
        response = await run(request, params, caller, requestId, options, handler);
      }
    } catch (error) {
      response = await apiErrorResponse(error, options.what, requestId);
    }
    response.headers.set("x-request-id", requestId);
    if (rate) for (const [name, value] of Object.entries(rateLimitHeaders(rate))) response.headers.set(name, value);
    return response;
  };
}

async function run<P extends RouteParams, S extends z.ZodType | undefined>(
  request: Request,
  params: P,
  caller: TokenCaller,
  requestId: string,
  options: Options<S>,
  handler: (args: ApiArgs<P, S extends z.ZodType ? z.output<S> : undefined>) => Promise<Response>,
): Promise<Response> {
  const url = new URL(request.url);
  const target = `${request.method} ${url.pathname}${url.search}`;
  const key = request.method === "POST" ? idempotencyKeyOf(request) : null;
  type Body = S extends z.ZodType ? z.output<S> : undefined;

  if (options.streamBody) {
    // The body's bytes are hashed as the handler reads them; a repeated key hashes the new body to compare.
    const head = requestHash([target, request.headers.get("content-type") ?? ""]);
    if (!key) return handler({ request, params, caller, requestId, body: undefined as Body });
    const claim = await claimIdempotencyKey(caller.tokenId, key, `pending:${head}`, new Date(), async () => requestHash([head, await drainHash(request)]));
    if (claim.kind === "replay") return claim.response;
    const hashed = hashingBody(request);
    try {
      const response = await handler({ request: hashed.request, params, caller, requestId, body: undefined as Body });
      return completeIdempotencyKey(claim.id, response, requestHash([head, hashed.digest()]));
    } catch (error) {
      await releaseIdempotencyKey(claim.id);
      throw error;
    }
  }

  let body = undefined as Body;
  let text = "";
  if (options.body) {
    text = await request.text();
    let json: unknown;
    try {
      json = text.trim() ? JSON.parse(text) : {};
    } catch {
      throw new AppError("INVALID_INPUT", "bodyNotJson");
    }
    const parsed = options.body.safeParse(json);
    if (!parsed.success) {
      const say = await sentencesIn(await requestLocale());
      const problems = parsed.error.issues.map((i) => ({ path: i.path.join("."), message: say({ key: i.message }) }));
      throw new AppError("INVALID_INPUT", "requestInvalid", { values: { problems: problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)).join("; ") }, detail: { problems } });
    }
    body = parsed.data as Body;
  }
  const call = () => handler({ request, params, caller, requestId, body });
  if (!key) return call();
  const claim = await claimIdempotencyKey(caller.tokenId, key, requestHash([target, text]));
  if (claim.kind === "replay") return claim.response;
  try {
    return await completeIdempotencyKey(claim.id, await call());
  } catch (error) {
    // An expected refusal is the answer to this request: it is kept, like a success.
    if (error instanceof AppError && error.status < 500) return completeIdempotencyKey(claim.id, await apiErrorResponse(error, "", requestId));
    await releaseIdempotencyKey(claim.id);
    throw error;
  }
}

/** The request with a body that hashes its bytes as they are read. */
function hashingBody(request: Request): { request: Request; digest: () => string } {
  const hash = createHash("sha256");
  if (!request.body) return { request, digest: () => hash.digest("hex") };
  const body = request.body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        hash.update(chunk);
        controller.enqueue(chunk);
      },
    }),
  );
  const wrapped = new Request(request.url, { method: request.method, headers: request.headers, body, duplex: "half" } as RequestInit);
  return { request: wrapped, digest: () => hash.digest("hex") };
}

async function drainHash(request: Request): Promise<string> {
  const hash = createHash("sha256");
  if (request.body) for await (const chunk of request.body as unknown as AsyncIterable<Uint8Array>) hash.update(chunk);
  return hash.digest("hex");
}
