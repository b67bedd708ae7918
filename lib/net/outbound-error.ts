/** Why an outbound request was not made, or was stopped. The message may be shown to users. */
export type OutboundErrorCode =
  | "INVALID_URL"
  | "SCHEME_NOT_ALLOWED"
  | "CREDENTIALS_IN_URL"
  | "PRIVATE_ADDRESS"
  | "DNS_FAILED"
  | "TOO_MANY_REDIRECTS"
  | "CONNECT_TIMEOUT"
  | "FIRST_BYTE_TIMEOUT"
  | "IDLE_TIMEOUT"
  | "TOO_LARGE";

export class OutboundError extends Error {
  /** The message as a whole catalogue key and its values, where one is known (refusals by the checks). */
  readonly sentence?: { key: string; values?: Record<string, string> };

  constructor(
    readonly code: OutboundErrorCode,
    message: string,
    options: { cause?: unknown; sentence?: { key: string; values?: Record<string, string> } } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = "OutboundError";
    this.sentence = options.sentence;
  }

  /** Refused by the checks, as opposed to a failure on the way. */
  get refused(): boolean {
    return ["INVALID_URL", "SCHEME_NOT_ALLOWED", "CREDENTIALS_IN_URL", "PRIVATE_ADDRESS", "TOO_MANY_REDIRECTS"].includes(this.code);
  }

  /** Nothing of the request reached the target: refused, unknown host, or no connection made. */
  get nothingSent(): boolean {
    return this.code !== "TOO_MANY_REDIRECTS" && (this.refused || this.code === "DNS_FAILED" || this.code === "CONNECT_TIMEOUT");
  }
}

export function isOutboundError(error: unknown): error is OutboundError {
  return error instanceof OutboundError;
}

/** The OutboundError behind a failed fetch, if any (fetch-like callers may wrap it). */
export function findOutboundError(error: unknown): OutboundError | null {
  for (let e = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (e instanceof OutboundError) return e;
  }
  return null;
}
