import { createHash } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { SimContext, SimulatorSettings } from "./context";
import type { FaultEndpoint } from "./faults";
import { HttpError } from "./http-error";
import { readIdempotencyKey } from "./idempotency";
import { readJsonObject, type Reply } from "./reply";
import type { ReviewRunner } from "./review";
import { generateVideo } from "./routes/generate-video";
import { getTask } from "./routes/get-task";
import { serveFile } from "./routes/serve-file";
import { submitAssets } from "./routes/submit-assets";
import type { VideoRenderer } from "./video";

export const JSON_BODY_LIMIT = 1024 * 1024;

/** Records are owned by a fingerprint of the key, so state files never hold keys. */
export function keyFingerprint(apiKey: string): string {
  return `key_${createHash("sha256").update(apiKey).digest("hex").slice(0, 16)}`;
}

export interface Route {
  endpoint: FaultEndpoint | "other";
  taskId?: string;
  handle: (req: IncomingMessage, url: URL) => Promise<Reply>;
}

export type RouteDeps = { ctx: SimContext; review: ReviewRunner; renderer: VideoRenderer };

/** The owner (a key fingerprint) of an authenticated request; 401 without a known key. */
export function authenticate(settings: Pick<SimulatorSettings, "apiKeys">, req: IncomingMessage): string {
  const header = req.headers.authorization;
  if (!header) {
    throw new HttpError(401, "Missing API key: send Authorization: Bearer <API_KEY>", { code: "missing_api_key" });
  }
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match || !settings.apiKeys.has(match[1]!)) {
    throw new HttpError(401, "Invalid API key", { code: "invalid_api_key" });
  }
  return keyFingerprint(match[1]!);
}

/**
 * Which handler answers `method pathname`, and which fault endpoint it counts as (the
 * fault injector and the request stats key on it). Unknown paths answer 404; known paths
 * with another method answer 405 with Allow.
 */
export function routeRequest(deps: RouteDeps, method: string, pathname: string): Route {
  const { ctx, review, renderer } = deps;
  const owner = (req: IncomingMessage) => authenticate(ctx.settings, req);
  const methodNotAllowed = (endpoint: Route["endpoint"], allowed: string): Route => ({
    endpoint,
    handle: async () => {
      throw new HttpError(405, `${method} is not allowed here; use ${allowed}`, { headers: { allow: allowed } });
    },
  });
  /** A POST of a JSON body by an authenticated key, with its idempotency key. */
  const postJson = (endpoint: FaultEndpoint, run: (ownerId: string, body: Record<string, unknown>, key: ReturnType<typeof readIdempotencyKey>) => Reply | Promise<Reply>): Route => {
    if (method !== "POST") return methodNotAllowed(endpoint, "POST");
    return {
      endpoint,
      handle: async (req) => {
        const ownerId = owner(req);
        const key = readIdempotencyKey(req.headers["idempotency-key"]);
        return run(ownerId, await readJsonObject(req, JSON_BODY_LIMIT), key);
      },
    };
  };
  if (pathname === "/v1/seedance2/private-avatar") return postJson("submit", (ownerId, body, key) => submitAssets(ctx, review, ownerId, body, key));
  if (pathname === "/v1/videos/generations") return postJson("video", (ownerId, body, key) => generateVideo(ctx, renderer, ownerId, body, key));
  const task = /^\/v1\/tasks\/([^/]+)$/.exec(pathname);
  if (task) {
    let taskId = task[1]!;
    try {
      taskId = decodeURIComponent(taskId);
    } catch {
      // Kept as sent; it will not be found.
    }
    if (method !== "GET") return methodNotAllowed("task", "GET");
    return {
      endpoint: "task",
      taskId,
      handle: async (req, url) => getTask(ctx, owner(req), taskId, url.searchParams),
    };
  }
  if (pathname.startsWith("/files/")) {
    if (method !== "GET" && method !== "HEAD") return methodNotAllowed("files", "GET, HEAD");
    return {
      endpoint: "files",
      handle: async (req) => {
        const range = req.headers.range;
        return serveFile(ctx, method, pathname, Array.isArray(range) ? range[0] : range);
      },
    };
  }
  return {
    endpoint: "other",
    handle: async () => {
      throw new HttpError(404, `no endpoint ${method} ${pathname}`, { code: "not_found" });
    },
  };
}
