/**
 * Expected failures. Each carries a code, the key of its sentence in the `errors` catalogue
 * (messages/<locale>/errors.json) and the values that sentence needs; the boundary that answers
 * the browser renders it in the user's language (lib/i18n/error-message.ts). `detail` carries
 * what only the logs may see (a provider's raw text, ids). `message` is the key, for logs.
 */
export const errorCodes = [
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "NOT_FOUND",
  "INVALID_INPUT",
  "CONFLICT",
  "RATE_LIMITED",
  "IDEMPOTENCY_KEY_REUSED",
  "FILE_REFUSED",
  "QUOTA_EXCEEDED",
  "UPSTREAM_UNAUTHORIZED",
  "UPSTREAM_INSUFFICIENT_BALANCE",
  "UPSTREAM_RATE_LIMITED",
  "UPSTREAM_REJECTED",
  "UPSTREAM_ERROR",
  "UPSTREAM_UNREACHABLE",
  "UPSTREAM_MALFORMED",
] as const;

export type ErrorCode = (typeof errorCodes)[number];

const httpStatus: Record<ErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  INVALID_INPUT: 400,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  IDEMPOTENCY_KEY_REUSED: 422,
  FILE_REFUSED: 422,
  QUOTA_EXCEEDED: 413,
  UPSTREAM_UNAUTHORIZED: 502,
  UPSTREAM_INSUFFICIENT_BALANCE: 502,
  UPSTREAM_RATE_LIMITED: 503,
  UPSTREAM_REJECTED: 422,
  UPSTREAM_ERROR: 502,
  UPSTREAM_UNREACHABLE: 504,
  UPSTREAM_MALFORMED: 502,
};

/** The values a message's placeholders take ("{count} files"). */
export type MessageValues = Record<string, string | number>;

export class AppError extends Error {
  readonly code: ErrorCode;
  /** The sentence's key in the `errors` namespace ("sessionEnded"). */
  readonly key: string;
  readonly values: MessageValues;
  readonly detail?: unknown;

  constructor(code: ErrorCode, key: string, options?: { values?: MessageValues; detail?: unknown; cause?: unknown }) {
    super(key, { cause: options?.cause });
    this.name = "AppError";
    this.code = code;
    this.key = key;
    this.values = options?.values ?? {};
    this.detail = options?.detail;
  }

  get status(): number {
    return httpStatus[this.code];
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/** The `errors` key of the sentence shown for an unexpected failure (it takes the request id as `{ref}`). */
export const GENERIC_ERROR_KEY = "generic";

/** An `errors` catalogue key without its namespace, as an AppError carries it. */
export function errorKey(key: `errors.${string}`): string {
  return key.slice("errors.".length);
}
