/** An error that becomes a provider-style error answer. */
export class HttpError extends Error {
  readonly status: number;
  readonly type: string;
  readonly code: string;
  readonly param: string | null;
  readonly headers: Record<string, string>;

  constructor(
    status: number,
    message: string,
    options: { type?: string; code?: string; param?: string | null; headers?: Record<string, string> } = {},
  ) {
    super(message);
    this.name = "HttpError";
    this.status = status;
    this.type = options.type ?? defaultType(status);
    this.code = options.code ?? defaultCode(status);
    this.param = options.param ?? null;
    this.headers = options.headers ?? {};
  }
}

export function badRequest(message: string, param?: string, code = "invalid_parameter"): HttpError {
  return new HttpError(400, message, { param: param ?? null, code });
}

export function notFound(message: string, code = "not_found"): HttpError {
  return new HttpError(404, message, { code });
}

function defaultType(status: number): string {
  switch (status) {
    case 400:
      return "invalid_request_error";
    case 401:
      return "authentication_error";
    case 402:
      return "insufficient_balance";
    case 404:
      return "not_found_error";
    case 405:
      return "invalid_request_error";
    case 429:
      return "rate_limit_error";
    default:
      return status >= 500 ? "server_error" : "invalid_request_error";
  }
}

function defaultCode(status: number): string {
  switch (status) {
    case 400:
      return "invalid_parameter";
    case 401:
      return "invalid_api_key";
    case 404:
      return "not_found";
    case 405:
      return "method_not_allowed";
    case 429:
      return "rate_limit_exceeded";
    default:
      return status >= 500 ? "internal_error" : "invalid_request";
  }
}
