/**
 * Expected failures. The `message` is written for the user and is safe to show; `detail`
 * carries what only the logs may see (a provider's raw text, ids).
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

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly detail?: unknown;

  constructor(code: ErrorCode, message: string, options?: { detail?: unknown; cause?: unknown }) {
    super(message, { cause: options?.cause });
    this.name = "AppError";
    this.code = code;
    this.detail = options?.detail;
  }

  get status(): number {
    return httpStatus[this.code];
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

export const GENERIC_ERROR_MESSAGE = "Something went wrong on our side. Please try again.";
