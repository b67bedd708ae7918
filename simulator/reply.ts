import type { IncomingMessage } from "node:http";
import { HttpError } from "./http-error";

/** What a handler answers; the server decides how (or whether) it reaches the client. */
export interface Reply {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

export const ERROR_STYLES = ["error", "code", "code-string"] as const;
export type ErrorStyle = (typeof ERROR_STYLES)[number];

export function jsonReply(status: number, value: unknown, headers: Record<string, string> = {}): Reply {
  return {
    status,
    headers: { "content-type": "application/json; charset=utf-8", ...headers },
    body: Buffer.from(JSON.stringify(value)),
  };
}

export function okReply(data: unknown): Reply {
  return jsonReply(200, { code: 200, data });
}

/**
 * The canonical provider error is `{"error":{message,type,code,param}}`; some deployments
 * answer `{"code": <int or string>, "message"}` instead.
 */
export function errorReply(error: HttpError, style: ErrorStyle): Reply {
  const body =
    style === "error"
      ? { error: { message: error.message, type: error.type, code: error.code, param: error.param } }
      : { code: style === "code" ? error.status : error.code, message: error.message };
  return jsonReply(error.status, body, error.headers);
}

export async function readBody(req: IncomingMessage, limitBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > limitBytes) {
      throw new HttpError(413, `request body exceeds ${limitBytes} bytes`, {
        type: "invalid_request_error",
        code: "request_too_large",
      });
    }
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}

export async function readJsonObject(req: IncomingMessage, limitBytes = 1024 * 1024): Promise<Record<string, unknown>> {
  const raw = await readBody(req, limitBytes);
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw.toString("utf8"));
  } catch {
    throw new HttpError(400, "request body is not valid JSON", { code: "invalid_json" });
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new HttpError(400, "request body must be a JSON object", { code: "invalid_json" });
  }
  return parsed as Record<string, unknown>;
}
