import http from "node:http";
import https from "node:https";
import { Readable } from "node:stream";

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export interface PhaseTimeouts {
  /** From asking for a connection to having one (TCP, and TLS for https). */
  connectMs: number;
  /** From the request fully sent to the first byte of the answer (its status line). */
  firstByteMs: number;
  /** The longest silence between two pieces of the answer's body. */
  betweenBytesMs: number;
}

export type TimeoutPhase = "connect" | "first-byte" | "between-bytes";

/** A call cut off by one of its own phase timeouts (not by the caller's signal). */
export class PhaseTimeoutError extends Error {
  constructor(readonly phase: TimeoutPhase, readonly ms: number) {
    super(`no ${phase === "connect" ? "connection" : phase === "first-byte" ? "answer" : "further bytes"} within ${ms} ms`);
    this.name = "PhaseTimeoutError";
  }
}

/** Whether an error (or one of its causes) is a phase timeout. */
export function isPhaseTimeout(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; depth++) {
    if (e instanceof PhaseTimeoutError) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

const agents = {
  http: new http.Agent({ keepAlive: true, maxSockets: 64 }),
  https: new https.Agent({ keepAlive: true, maxSockets: 64 }),
};

function headerRecord(headers: RequestInit["headers"]): Record<string, string> {
  const out: Record<string, string> = {};
  new Headers(headers).forEach((value, key) => {
    out[key] = value;
  });
  return out;
}

/**
 * A fetch for provider calls with a timeout per phase: to connect, to the first byte of the
 * answer, and between the answer's bytes. A server that accepts the connection and then
 * trickles (or stops) is cut off as surely as one that never answers. The caller's signal
 * still ends the call at any time with its own reason.
 */
export function createTimedFetch(timeouts: PhaseTimeouts): FetchLike {
  return (input, init) =>
    new Promise<Response>((resolve, reject) => {
      const url = new URL(input);
      const secure = url.protocol === "https:";
      const signal = init.signal ?? undefined;
      if (signal?.aborted) return reject(signal.reason);
      let timer: NodeJS.Timeout | undefined;
      let settled = false;
      const arm = (phase: TimeoutPhase, ms: number, onFire: (error: PhaseTimeoutError) => void) => {
        clearTimeout(timer);
        timer = setTimeout(() => onFire(new PhaseTimeoutError(phase, ms)), ms);
      };
      const fail = (error: unknown) => {
        clearTimeout(timer);
        if (!settled) {
          settled = true;
          reject(error);
        }
      };

      const req = (secure ? https : http).request(url, {
        method: init.method ?? "GET",
        headers: headerRecord(init.headers),
        agent: secure ? agents.https : agents.http,
      });
      const onAbort = () => {
        clearTimeout(timer);
        req.destroy(signal?.reason instanceof Error ? signal.reason : new Error(String(signal?.reason)));
        fail(signal?.reason);
      };
      signal?.addEventListener("abort", onAbort, { once: true });
      const cleanup = () => signal?.removeEventListener("abort", onAbort);

      req.on("error", (error) => {
        cleanup();
        fail(error);
      });
      req.on("socket", (socket) => {
        if (socket.connecting || (secure && !(socket as import("node:tls").TLSSocket).encrypted)) {
          arm("connect", timeouts.connectMs, (e) => req.destroy(e));
          socket.once(secure ? "secureConnect" : "connect", () => clearTimeout(timer));
        }
      });
      req.on("finish", () => arm("first-byte", timeouts.firstByteMs, (e) => req.destroy(e)));
      req.on("response", (res) => {
        const idle = () => arm("between-bytes", timeouts.betweenBytesMs, (e) => res.destroy(e));
        idle();
        res.on("data", idle);
        res.on("end", () => {
          clearTimeout(timer);
          cleanup();
        });
        res.on("error", () => {
          clearTimeout(timer);
          cleanup();
        });
        res.on("close", () => clearTimeout(timer));
        const headers = new Headers();
        for (const [key, value] of Object.entries(res.headers)) {
          if (Array.isArray(value)) for (const v of value) headers.append(key, v);
          else if (value !== undefined) headers.set(key, value);
        }
        const status = res.statusCode ?? 502;
        const noBody = status === 204 || status === 304 || init.method === "HEAD";
        if (noBody) res.resume();
        settled = true;
        resolve(
          new Response(noBody ? null : (Readable.toWeb(res) as ReadableStream<Uint8Array>), {
            status: status < 200 || status > 599 ? 502 : status,
            statusText: res.statusMessage,
            headers,
          }),
        );
      });
      if (init.body !== undefined && init.body !== null) req.end(typeof init.body === "string" ? init.body : String(init.body));
      else req.end();
    });
}
