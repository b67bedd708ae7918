import { AppError, type ErrorCode, errorKey } from "@/lib/errors";
import { messageKey } from "@/lib/i18n/message-key";
import { errorBodySchema, isSuccessCode } from "@/lib/upstream/schemas";

export type UpstreamErrorCode = Extract<ErrorCode, `UPSTREAM_${string}`>;

/**
 * What the user may read, as `errors` keys. Never the provider's own words: those go into
 * `detail`.
 */
export const upstreamMessages: Readonly<Record<UpstreamErrorCode, string>> = {
  UPSTREAM_UNAUTHORIZED: errorKey(messageKey("errors.upstreamUnauthorized")),
  UPSTREAM_INSUFFICIENT_BALANCE: errorKey(messageKey("errors.upstreamInsufficientBalance")),
  UPSTREAM_RATE_LIMITED: errorKey(messageKey("errors.upstreamRateLimited")),
  UPSTREAM_REJECTED: errorKey(messageKey("errors.upstreamRejected")),
  UPSTREAM_ERROR: errorKey(messageKey("errors.upstreamError")),
  UPSTREAM_UNREACHABLE: errorKey(messageKey("errors.upstreamUnreachable")),
  UPSTREAM_MALFORMED: errorKey(messageKey("errors.upstreamMalformed")),
};

const TASK_NOT_FOUND_MESSAGE = errorKey(messageKey("errors.upstreamTaskNotFound"));
const TIMEOUT_MESSAGE = errorKey(messageKey("errors.upstreamTimeout"));

/** Raw text kept in `detail` is cut to this many characters. */
const MAX_DETAIL_TEXT = 4000;

/** For logs and records only. */
export interface UpstreamErrorDetail {
  method?: string;
  path?: string;
  /** The HTTP status received (200 when the error came inside a success status). */
  httpStatus?: number;
  /** The provider's `code`, `type`, `param` and message, as sent. */
  providerCode?: string;
  providerType?: string;
  param?: string;
  reason?: string;
  /** The parsed body, or its raw text (cut) when it was not JSON. */
  body?: unknown;
  retryAfterMs?: number;
  timedOut?: boolean;
  cause?: string;
}

export class UpstreamError extends AppError {
  declare readonly code: UpstreamErrorCode;
  declare readonly detail: UpstreamErrorDetail;
  /**
   * The status the error was classified by: the HTTP status, or the numeric `code` of an
   * error envelope that came with HTTP 200. Absent for network failures.
   */
  readonly httpStatus?: number;
  /** How long the provider asked us to wait (Retry-After), in milliseconds. */
  readonly retryAfterMs?: number;

  constructor(
    code: UpstreamErrorCode,
    options: { message?: string; httpStatus?: number; retryAfterMs?: number; detail?: UpstreamErrorDetail; cause?: unknown } = {},
  ) {
    super(code, options.message ?? upstreamMessages[code], { detail: options.detail ?? {}, cause: options.cause });
    this.name = "UpstreamError";
    this.httpStatus = options.httpStatus;
    this.retryAfterMs = options.retryAfterMs;
  }

  /** Whether trying the same call again may succeed. */
  get retryable(): boolean {
    return this.code === "UPSTREAM_RATE_LIMITED" || this.code === "UPSTREAM_ERROR" || this.code === "UPSTREAM_UNREACHABLE";
  }
}

export function isUpstreamError(error: unknown): error is UpstreamError {
  return error instanceof UpstreamError;
}

/** Whether the provider answered "no such task" (unknown id, or older than its 7 days). */
export function isTaskNotFound(error: unknown): boolean {
  return isUpstreamError(error) && error.httpStatus === 404;
}

/** `Retry-After` as seconds or an HTTP date → milliseconds from now (never negative). */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}

export interface ProviderErrorInfo {
  code?: string;
  type?: string;
  message?: string;
  param?: string;
}

const str = (v: string | number | undefined): string | undefined => (v === undefined ? undefined : String(v));

/** Reads either error body shape; undefined when the body is neither. */
export function readProviderError(body: unknown): ProviderErrorInfo | undefined {
  const parsed = errorBodySchema.safeParse(body);
  if (!parsed.success) return undefined;
  const b = parsed.data;
  if ("error" in b && b.error && typeof b.error === "object") {
    const e = b.error as { message?: string | number; type?: string | number; code?: string | number; param?: string | number };
    return { code: str(e.code), type: str(e.type), message: str(e.message), param: str(e.param) };
  }
  const c = b as { code: string | number; message?: string | number; msg?: string | number; type?: string | number };
  return { code: str(c.code), type: str(c.type), message: str(c.message ?? c.msg) };
}

/** Whether a parsed body is an error envelope (either shape), whatever the HTTP status. */
export function isErrorBody(body: unknown): boolean {
  if (body === null || typeof body !== "object" || Array.isArray(body)) return false;
  const b = body as Record<string, unknown>;
  if (b.error !== undefined && b.error !== null && typeof b.error === "object") return true;
  return "code" in b && b.code !== undefined && b.code !== null && !isSuccessCode(b.code);
}

function statusFromProviderCode(info: ProviderErrorInfo | undefined): number | undefined {
  if (!info) return undefined;
  const numeric = info.code !== undefined && /^\d{3}$/.test(info.code.trim()) ? Number(info.code) : undefined;
  if (numeric !== undefined && numeric >= 400 && numeric <= 599) return numeric;
  const words = `${info.code ?? ""} ${info.type ?? ""}`.toLowerCase();
  if (/unauthori[sz]ed|api_key|apikey|invalid_key|authentication/.test(words)) return 401;
  if (/balance|quota|insufficient|credit|payment/.test(words)) return 402;
  if (/rate_limit|ratelimit|too_many|throttl/.test(words)) return 429;
  return undefined;
}

function classify(status: number): UpstreamErrorCode {
  if (status === 401 || status === 403) return "UPSTREAM_UNAUTHORIZED";
  if (status === 402) return "UPSTREAM_INSUFFICIENT_BALANCE";
  if (status === 429) return "UPSTREAM_RATE_LIMITED";
  if (status === 408) return "UPSTREAM_UNREACHABLE";
  if (status >= 400 && status < 500) return "UPSTREAM_REJECTED";
  return "UPSTREAM_ERROR";
}

function cut(text: string): string {
  return text.length > MAX_DETAIL_TEXT ? `${text.slice(0, MAX_DETAIL_TEXT)}…` : text;
}

/**
 * An error answer → UpstreamError. `body` is the parsed JSON (or undefined when it was not
 * JSON; then `text` is kept instead). A success status with an error envelope is classified
 * by the envelope's code.
 */
export function upstreamErrorFromResponse(input: {
  httpStatus: number;
  body?: unknown;
  text?: string;
  retryAfter?: string | null;
  method?: string;
  path?: string;
}): UpstreamError {
  const info = readProviderError(input.body);
  const httpOk = input.httpStatus >= 200 && input.httpStatus < 300;
  const status = httpOk ? (statusFromProviderCode(info) ?? input.httpStatus) : input.httpStatus;
  const code = httpOk && status === input.httpStatus ? "UPSTREAM_ERROR" : classify(status);
  const retryAfterMs = code === "UPSTREAM_RATE_LIMITED" ? parseRetryAfter(input.retryAfter) : undefined;
  const reason = info?.message ?? (input.body === undefined && input.text ? cut(input.text) : undefined);
  return new UpstreamError(code, {
    message: status === 404 && input.method !== "POST" ? TASK_NOT_FOUND_MESSAGE : undefined,
    httpStatus: status,
    retryAfterMs,
    detail: {
      method: input.method,
      path: input.path,
      httpStatus: input.httpStatus,
      providerCode: info?.code,
      providerType: info?.type,
      param: info?.param,
      reason,
      body: input.body !== undefined ? input.body : input.text !== undefined ? cut(input.text) : undefined,
      retryAfterMs,
    },
  });
}

/** A network failure or timeout (no answer at all). */
export function upstreamUnreachable(cause: unknown, context: { method?: string; path?: string; timedOut?: boolean } = {}): UpstreamError {
  const causeText = cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause);
  const causeCode = cause instanceof Error && cause.cause && typeof cause.cause === "object" && "code" in cause.cause
    ? String((cause.cause as { code: unknown }).code)
    : undefined;
  return new UpstreamError("UPSTREAM_UNREACHABLE", {
    message: context.timedOut ? TIMEOUT_MESSAGE : undefined,
    cause,
    detail: {
      method: context.method,
      path: context.path,
      timedOut: context.timedOut ?? false,
      cause: causeCode ? `${causeText} (${causeCode})` : causeText,
    },
  });
}

/** An answer we cannot read: not JSON, or not a shape we know. */
export function upstreamMalformed(
  reason: string,
  context: { method?: string; path?: string; httpStatus?: number; body?: unknown; text?: string; cause?: unknown } = {},
): UpstreamError {
  return new UpstreamError("UPSTREAM_MALFORMED", {
    httpStatus: context.httpStatus,
    cause: context.cause,
    detail: {
      method: context.method,
      path: context.path,
      httpStatus: context.httpStatus,
      reason,
      body: context.body !== undefined ? context.body : context.text !== undefined ? cut(context.text) : undefined,
    },
  });
}
