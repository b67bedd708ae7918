import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { blobDirFor, DiskBlobStore, MemoryBlobStore } from "./blob-store";
import { SimClock } from "./clock";
import type { LogLevel, SimContext, SimulatorLog, SimulatorSettings, VideoCodec } from "./context";
import { FaultInjector, type FaultConfigInput, type FaultDecision } from "./faults";
import { HttpError } from "./http-error";
import { newRequestId } from "./ids";
import { errorReply, jsonReply, readJsonObject, type ErrorStyle, type Reply } from "./reply";
import { ReviewRunner } from "./review";
import { JSON_BODY_LIMIT, routeRequest } from "./router";
import { handleAdmin } from "./routes/admin";
import { StateStore } from "./state";
import { RequestStats } from "./stats";
import { VideoRenderer } from "./video";

export interface SimulatorOptions {
  /** 0 (the default) picks any free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Accepted provider keys. Default `["sk-sim-demo"]`. */
  apiKeys?: string[];
  /** Shortest time an asset review takes. Default 4000. */
  reviewMs?: number;
  /** Time a generation takes. Default 12000. */
  videoMs?: number;
  /** How long a video link works after the task completes. Default 259200 (72 h). */
  videoTtlSeconds?: number;
  /** Share of assets (0–1) refused by review, chosen deterministically from seed + name. */
  rejectRate?: number;
  /** Seed of the deterministic rejections and random faults. */
  seed?: string | number;
  /** Refuse loopback and private-network media URLs, as the provider does. Default false. */
  requirePublicUrls?: boolean;
  /** JSON state file; undefined keeps everything in memory. Blobs go to `<name>-files/` beside it. */
  stateFile?: string;
  /** Base of the links the simulator hands out. Default its own http://host:port. */
  publicUrl?: string;
  /** Initial fault configuration. */
  faults?: FaultConfigInput;
  /** `error` (default): `{"error":{...}}`; `code`: `{"code":<int>,"message"}`; `code-string`: `{"code":"<string>","message"}`. */
  errorStyle?: ErrorStyle;
  log?: SimulatorLog;
  /** Timeout of each media download during review. Default 15000. */
  downloadTimeoutMs?: number;
  /** Rendered videos last min(requested duration, this). Default 4. */
  maxRenderSeconds?: number;
  /** Codec of rendered videos. Default h264 (in MP4). */
  videoCodec?: VideoCodec;
}

export interface RunningSimulator {
  url: string;
  port: number;
  close(): Promise<void>;
}

export const DEFAULT_API_KEY = "sk-sim-demo";



function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener("abort", () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

function urlHost(host: string): string {
  if (host === "0.0.0.0" || host === "") return "127.0.0.1";
  if (host === "::") return "[::1]";
  return host.includes(":") ? `[${host}]` : host;
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  const log: SimulatorLog = options.log ?? (() => {});
  const seed = String(options.seed ?? "0");
  const store = new StateStore(options.stateFile, 50, (error) =>
    log("error", "could not write the state file", { error: String(error) }),
  );
  store.load();
  const settings: SimulatorSettings = {
    apiKeys: new Set(options.apiKeys && options.apiKeys.length > 0 ? options.apiKeys : [DEFAULT_API_KEY]),
    reviewMs: options.reviewMs ?? 4000,
    videoMs: options.videoMs ?? 12000,
    videoTtlSeconds: options.videoTtlSeconds ?? 259200,
    rejectRate: options.rejectRate ?? 0,
    seed,
    requirePublicUrls: options.requirePublicUrls ?? false,
    publicUrl: "",
    errorStyle: options.errorStyle ?? "error",
    downloadTimeoutMs: options.downloadTimeoutMs ?? 15000,
    maxRenderSeconds: options.maxRenderSeconds ?? 4,
    videoCodec: options.videoCodec ?? "h264",
  };
  const ctx: SimContext = {
    settings,
    store,
    blobs: options.stateFile ? new DiskBlobStore(blobDirFor(options.stateFile)) : new MemoryBlobStore(),
    clock: new SimClock(store.clockOffsetMs),
    faults: new FaultInjector(options.faults, seed),
    stats: new RequestStats(),
    log,
    startedMs: Date.now(),
  };
  const review = new ReviewRunner(ctx);
  const renderer = new VideoRenderer(ctx);
  const stopping = new AbortController();

  const route = (method: string, pathname: string) => routeRequest({ ctx, review, renderer }, method, pathname);

  function send(res: ServerResponse, reply: Reply): void {
    if (res.headersSent || res.destroyed) return;
    const headers = { ...reply.headers };
    headers["content-length"] ??= String(reply.body.length);
    res.writeHead(reply.status, headers);
    res.end(reply.body);
  }

  function failureReply(error: unknown, style: ErrorStyle, context: Record<string, unknown>): Reply {
    if (error instanceof HttpError) return errorReply(error, style);
    log("error", "request failed", { ...context, error: String((error as Error)?.stack ?? error) });
    return errorReply(new HttpError(500, "internal error"), style);
  }

  async function handleAdminRequest(req: IncomingMessage, res: ServerResponse, method: string, pathname: string): Promise<void> {
    try {
      let body: Record<string, unknown> | undefined;
      if (method === "POST" || method === "PUT") {
        const hasBody = Number(req.headers["content-length"] ?? 0) > 0 || req.headers["transfer-encoding"] !== undefined;
        body = hasBody ? await readJsonObject(req, JSON_BODY_LIMIT) : {};
      }
      send(res, handleAdmin(ctx, method, pathname, body));
    } catch (error) {
      send(res, failureReply(error, "error", { method, pathname }));
    }
  }

  async function applyFaultBefore(fault: FaultDecision, req: IncomingMessage, res: ServerResponse): Promise<"stop" | "continue"> {
    switch (fault.kind) {
      case "hang":
        // Never answered; the connection closes when the client gives up or the simulator stops.
        return "stop";
      case "drop_before":
        req.socket.destroy();
        return "stop";
      case "rate_limit":
        send(
          res,
          errorReply(
            new HttpError(429, "Too many requests, please retry later", {
              code: "rate_limit_exceeded",
              headers: { "retry-after": String(fault.retryAfter) },
            }),
            settings.errorStyle,
          ),
        );
        return "stop";
      case "server_error":
        send(res, errorReply(new HttpError(500, "The server had an error while processing your request"), settings.errorStyle));
        return "stop";
      case "slow":
        await sleep(fault.delayMs, stopping.signal);
        return stopping.signal.aborted ? "stop" : "continue";
      default:
        return "continue";
    }
  }

  async function handleRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    req.on("error", () => {});
    res.on("error", () => {});
    res.setHeader("x-request-id", newRequestId());
    const method = (req.method ?? "GET").toUpperCase();
    const url = new URL(req.url ?? "/", "http://simulator.local");
    const pathname = url.pathname;
    if (pathname === "/_admin" || pathname.startsWith("/_admin/")) return handleAdminRequest(req, res, method, pathname);

    const target = route(method, pathname);
    ctx.stats.count(target.endpoint, target.taskId);
    const fault = target.endpoint === "other" ? undefined : ctx.faults.pick(target.endpoint);
    if (fault) {
      log("debug", "fault injected", { endpoint: target.endpoint, fault: fault.kind });
      if ((await applyFaultBefore(fault, req, res)) === "stop") return;
    }
    let reply: Reply;
    try {
      reply = await target.handle(req, url);
    } catch (error) {
      reply = failureReply(error, settings.errorStyle, { method, pathname });
    }
    if (fault?.kind === "drop_after") {
      // Handled (a task may exist now), but the answer is lost.
      req.socket.destroy();
      return;
    }
    if (fault?.kind === "hang_after") {
      // Handled (a task may exist now), and no answer ever comes.
      return;
    }
    if (fault?.kind === "bad_gateway") {
      // Handled, but the gateway in front of the provider lost the answer and says so in HTML.
      reply = {
        status: 502,
        headers: { "content-type": "text/html; charset=utf-8" },
        body: Buffer.from("<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n"),
      };
    }
    if (fault?.kind === "malformed_json") {
      const cut = reply.body.subarray(0, Math.max(1, Math.floor(reply.body.length / 2)));
      reply = { ...reply, headers: { ...reply.headers, "content-length": String(cut.length) }, body: cut };
    }
    log("debug", "request", { method, pathname, status: reply.status });
    send(res, reply);
  }

  const server = createServer((req, res) => {
    handleRequest(req, res).catch((error: unknown) => {
      log("error", "unhandled request error", { error: String(error) });
      if (!res.headersSent) send(res, jsonReply(500, { error: { message: "internal error", type: "server_error", code: "internal_error", param: null } }));
    });
  });

  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${urlHost(host)}:${port}`;
  settings.publicUrl = (options.publicUrl ?? url).replace(/\/+$/, "");
  review.resumePending();
  renderer.resumePending();
  log("info", "simulator listening", { url, stateFile: options.stateFile ?? null });

  let closing: Promise<void> | undefined;
  return {
    url,
    port,
    close() {
      closing ??= (async () => {
        stopping.abort();
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeAllConnections();
        await Promise.all([review.stop(), renderer.stop()]);
        await store.flush();
        await closed;
        log("info", "simulator stopped");
      })();
      return closing;
    },
  };
}

export type { LogLevel, SimulatorLog };
