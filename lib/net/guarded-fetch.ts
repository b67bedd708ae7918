import { lookup as dnsLookup } from "node:dns/promises";
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { type Readable, Transform, pipeline } from "node:stream";
import { classifyAddress, isIpLiteral, privateAddressMessage, privateAddressSentence, urlShapeProblem } from "@/lib/net/address-rules";
import { messageKey } from "@/lib/i18n/message-key";
import { OutboundError } from "@/lib/net/outbound-error";

/**
 * The one way the server reaches a URL that a user typed or a provider handed over: the
 * team's provider base URL, provider files copied to storage, webhooks. Guarantees:
 *
 * - only http(s), never a user name or password in the URL;
 * - the host is resolved and EVERY address it has is checked (lib/net/address-rules.ts):
 *   link-local (cloud metadata), unspecified, multicast, broadcast and reserved ranges are
 *   always refused; loopback, private, unique-local and CGNAT only when the policy allows
 *   private targets or names the host;
 * - the connection goes to the address that was checked (a custom `lookup` pins it), so a
 *   second DNS answer cannot swap in another one (rebinding);
 * - redirects are not followed unless asked; each hop is checked like the first, and
 *   credentials (Authorization, Cookie) are dropped when a hop leaves the origin;
 * - timeouts to connect, to the first byte of the answer, and between two reads;
 * - the body stops with TOO_LARGE past `maxBytes`.
 */
export type OutboundPolicy = {
  /** Loopback, private, unique-local and CGNAT addresses allowed everywhere (OUTBOUND_ALLOW_PRIVATE). */
  allowPrivate: boolean;
  /** `host` or `host:port` entries, lower case, whose private addresses are allowed. */
  allowedHosts: readonly string[];
};

export type ResolvedAddress = { address: string; family: 4 | 6 };
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

export type GuardedFetchOptions = {
  /** The policy, or a function that gives it when the first request is made. */
  policy: OutboundPolicy | (() => OutboundPolicy | Promise<OutboundPolicy>);
  /** Hops followed before giving up; 0 (the default) returns a 3xx answer as it is. */
  maxRedirects?: number;
  /** The body is cut off with TOO_LARGE past this many bytes. */
  maxBytes?: number;
  connectTimeoutMs?: number;
  firstByteTimeoutMs?: number;
  idleTimeoutMs?: number;
  /** Name resolution; the system's by default (tests pass their own to play DNS tricks). */
  resolve?: Resolver;
};

export type GuardedFetch = (input: string, init?: RequestInit) => Promise<Response>;

export const DEFAULT_OUTBOUND_LIMITS = {
  maxBytes: 10 * 1_000_000,
  connectTimeoutMs: 10_000,
  firstByteTimeoutMs: 30_000,
  idleTimeoutMs: 30_000,
} as const;

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);
const CREDENTIAL_HEADERS = ["authorization", "cookie", "proxy-authorization"];

const systemResolver: Resolver = async (hostname) => {
  const found = await dnsLookup(hostname, { all: true, verbatim: true });
  return found.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
};

function hostAllowed(url: URL, policy: OutboundPolicy): boolean {
  const host = url.hostname.toLowerCase();
  const port = url.port || (url.protocol === "https:" ? "443" : "80");
  return policy.allowedHosts.some((entry) => entry === host || entry === `${host}:${port}`);
}

/**
 * Checks a URL and every address its host resolves to; returns the address to connect to.
 * Throws OutboundError (never sends anything) when the URL or one of the addresses is refused.
 */
export async function checkOutboundUrl(
  raw: string | URL,
  policy: OutboundPolicy,
  resolve: Resolver = systemResolver,
): Promise<{ url: URL; pinned: ResolvedAddress }> {
  const text = raw.toString();
  const shape = urlShapeProblem(text, { refuse: [] });
  if (shape) throw new OutboundError(shape.code, shape.message, { sentence: { key: shape.key, values: shape.values } });
  const url = new URL(text);
  const bare = url.hostname.replace(/^\[|\]$/g, "");
  let addresses: ResolvedAddress[];
  if (isIpLiteral(bare)) {
    addresses = [{ address: bare, family: bare.includes(":") ? 6 : 4 }];
  } else {
    try {
      addresses = await resolve(bare);
    } catch (error) {
      throw new OutboundError("DNS_FAILED", `The host name ${bare} could not be found.`, {
        cause: error,
        sentence: { key: messageKey("outbound.hostNotFound"), values: { host: bare } },
      });
    }
    if (addresses.length === 0) {
      throw new OutboundError("DNS_FAILED", `The host name ${bare} has no address.`, { sentence: { key: messageKey("outbound.hostNoAddress"), values: { host: bare } } });
    }
  }
  const privateOk = policy.allowPrivate || hostAllowed(url, policy);
  for (const { address } of addresses) {
    const verdict = classifyAddress(address);
    if (verdict.class === "never" || (verdict.class === "private" && !privateOk)) {
      const shown = bare === address ? bare : `${bare} (${address})`;
      throw new OutboundError("PRIVATE_ADDRESS", privateAddressMessage(shown), { sentence: privateAddressSentence(shown) });
    }
  }
  return { url, pinned: addresses[0]! };
}

function requestBody(body: RequestInit["body"]): Buffer | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === "string") return Buffer.from(body);
  if (body instanceof Uint8Array) return Buffer.from(body);
  if (body instanceof ArrayBuffer) return Buffer.from(body);
  throw new TypeError("The guarded fetch sends string or byte bodies only.");
}

function toHeaders(raw: http.IncomingHttpHeaders): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  return headers;
}

/**
 * A web stream over a Node stream, paused while the reader is not asking. (Node's own
 * `Readable.toWeb` can enqueue into a stream the reader already cancelled and crash the process.)
 */
function webStreamOf(stream: Readable): ReadableStream<Uint8Array> {
  let finished = false;
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        stream.pause();
        stream.on("data", (chunk: Buffer) => {
          if (finished) return;
          controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
          if ((controller.desiredSize ?? 0) <= 0) stream.pause();
        });
        stream.once("end", () => {
          if (finished) return;
          finished = true;
          controller.close();
        });
        stream.once("error", (error) => {
          if (finished) return;
          finished = true;
          controller.error(error);
        });
      },
      pull() {
        stream.resume();
      },
      cancel() {
        finished = true;
        stream.destroy();
      },
    },
    { highWaterMark: 64 * 1024, size: (chunk) => chunk.byteLength },
  );
}

type Hop = { url: URL; method: string; headers: Record<string, string>; body: Buffer | undefined };

/** One request to a checked, pinned address; resolves when the answer's head has arrived. */
function requestOnce(hop: Hop, pinned: ResolvedAddress, limits: Required<Omit<GuardedFetchOptions, "policy" | "resolve" | "maxRedirects">>, signal: AbortSignal | undefined): Promise<Response> {
  return new Promise<Response>((resolvePromise, rejectPromise) => {
    const { url } = hop;
    const secure = url.protocol === "https:";
    const bareHost = url.hostname.replace(/^\[|\]$/g, "");
    const lookup: LookupFunction = (_hostname, options, callback) => {
      if (options.all) callback(null, [pinned]);
      else callback(null, pinned.address, pinned.family);
    };
    const timers = new Set<NodeJS.Timeout>();
    const clearAll = () => {
      for (const t of timers) clearTimeout(t);
      timers.clear();
    };
    const startTimer = (ms: number, error: () => OutboundError, target: { destroy(e: Error): void }) => {
      const t = setTimeout(() => target.destroy(error()), ms);
      timers.add(t);
      return t;
    };
    const stopTimer = (t: NodeJS.Timeout | undefined) => {
      if (!t) return;
      clearTimeout(t);
      timers.delete(t);
    };

    let settled = false;
    const fail = (error: unknown) => {
      clearAll();
      signal?.removeEventListener("abort", onAbort);
      if (!settled) {
        settled = true;
        rejectPromise(error);
      }
    };

    const options: https.RequestOptions = {
      protocol: url.protocol,
      host: bareHost,
      port: url.port || (secure ? 443 : 80),
      path: `${url.pathname}${url.search}`,
      method: hop.method,
      headers: { ...hop.headers, host: url.host },
      lookup,
      agent: false,
      ...(secure && !isIpLiteral(bareHost) ? { servername: bareHost } : {}),
    };
    const req = (secure ? https : http).request(options);
    const onAbort = () => req.destroy(signal?.reason instanceof Error ? signal.reason : new DOMException("The operation was aborted.", "AbortError"));
    if (signal?.aborted) {
      onAbort();
    } else {
      signal?.addEventListener("abort", onAbort, { once: true });
    }

    let firstByteTimer: NodeJS.Timeout | undefined;
    const connectTimer = startTimer(
      limits.connectTimeoutMs,
      () => new OutboundError("CONNECT_TIMEOUT", `${url.host} did not accept a connection within ${limits.connectTimeoutMs / 1000} s.`),
      req,
    );
    req.on("socket", (socket) => {
      socket.once(secure ? "secureConnect" : "connect", () => {
        stopTimer(connectTimer);
        firstByteTimer = startTimer(
          limits.firstByteTimeoutMs,
          () => new OutboundError("FIRST_BYTE_TIMEOUT", `${url.host} did not start answering within ${limits.firstByteTimeoutMs / 1000} s.`),
          req,
        );
      });
    });
    req.on("error", fail);

    req.on("response", (res) => {
      stopTimer(connectTimer);
      stopTimer(firstByteTimer);
      const length = Number(res.headers["content-length"]);
      if (Number.isFinite(length) && length > limits.maxBytes) {
        res.destroy();
        fail(new OutboundError("TOO_LARGE", `The answer from ${url.host} is ${length} bytes, more than the ${limits.maxBytes} allowed.`));
        return;
      }
      const status = res.statusCode ?? 502;
      const headers = toHeaders(res.headers);
      settled = true;
      if (hop.method === "HEAD" || NULL_BODY_STATUSES.has(status)) {
        res.resume();
        clearAll();
        signal?.removeEventListener("abort", onAbort);
        resolvePromise(new Response(null, { status, statusText: res.statusMessage, headers }));
        return;
      }

      let received = 0;
      let idleTimer: NodeJS.Timeout | undefined;
      const idleError = () => new OutboundError("IDLE_TIMEOUT", `${url.host} stopped sending for ${limits.idleTimeoutMs / 1000} s.`);
      const armIdle = () => {
        stopTimer(idleTimer);
        idleTimer = startTimer(limits.idleTimeoutMs, idleError, res);
      };
      armIdle();
      const counter = new Transform({
        transform(chunk: Buffer, _enc, callback) {
          received += chunk.length;
          if (received > limits.maxBytes) {
            callback(new OutboundError("TOO_LARGE", `The answer from ${url.host} is larger than the ${limits.maxBytes} bytes allowed.`));
            return;
          }
          armIdle();
          callback(null, chunk);
        },
      });
      pipeline(res, counter, (error) => {
        clearAll();
        signal?.removeEventListener("abort", onAbort);
        if (error) req.destroy();
      });
      const body = webStreamOf(counter);
      resolvePromise(new Response(body, { status, statusText: res.statusMessage, headers }));
    });

    req.end(hop.body);
  });
}

/** A fetch whose every request (and redirect hop) goes through the checks above. */
export function createGuardedFetch(options: GuardedFetchOptions): GuardedFetch {
  const limits = {
    maxBytes: options.maxBytes ?? DEFAULT_OUTBOUND_LIMITS.maxBytes,
    connectTimeoutMs: options.connectTimeoutMs ?? DEFAULT_OUTBOUND_LIMITS.connectTimeoutMs,
    firstByteTimeoutMs: options.firstByteTimeoutMs ?? DEFAULT_OUTBOUND_LIMITS.firstByteTimeoutMs,
    idleTimeoutMs: options.idleTimeoutMs ?? DEFAULT_OUTBOUND_LIMITS.idleTimeoutMs,
  };
  const maxRedirects = options.maxRedirects ?? 0;
  const resolve = options.resolve ?? systemResolver;

  return async (input, init = {}) => {
    const headers: Record<string, string> = {};
    new Headers(init.headers).forEach((value, name) => {
      headers[name] = value;
    });
    let hop: Hop = { url: new URL(input), method: (init.method ?? "GET").toUpperCase(), headers, body: requestBody(init.body) };
    const follow = init.redirect !== "manual" && maxRedirects > 0;
    const policy = typeof options.policy === "function" ? await options.policy() : options.policy;
    for (let redirects = 0; ; redirects++) {
      init.signal?.throwIfAborted();
      const { url, pinned } = await checkOutboundUrl(hop.url, policy, resolve);
      const response = await requestOnce({ ...hop, url }, pinned, limits, init.signal ?? undefined);
      const location = response.headers.get("location");
      if (!REDIRECT_STATUSES.has(response.status) || !location || !follow) {
        if (REDIRECT_STATUSES.has(response.status) && init.redirect === "error") {
          await response.body?.cancel().catch(() => {});
          throw new OutboundError("TOO_MANY_REDIRECTS", `${url.host} answered with a redirect, which is not followed here.`);
        }
        return response;
      }
      await response.body?.cancel().catch(() => {});
      if (redirects >= maxRedirects) {
        throw new OutboundError("TOO_MANY_REDIRECTS", `${url.host} redirected more than ${maxRedirects} times.`);
      }
      let next: URL;
      try {
        next = new URL(location, url);
      } catch (error) {
        throw new OutboundError("INVALID_URL", `${url.host} redirected to an unusable address.`, { cause: error });
      }
      const nextHeaders = { ...hop.headers };
      if (next.origin !== url.origin) for (const name of CREDENTIAL_HEADERS) delete nextHeaders[name];
      const toGet = response.status === 303 || ((response.status === 301 || response.status === 302) && hop.method === "POST");
      if (toGet) {
        delete nextHeaders["content-type"];
        delete nextHeaders["content-length"];
      }
      hop = { url: next, method: toGet ? "GET" : hop.method, headers: nextHeaders, body: toGet ? undefined : hop.body };
    }
  };
}
