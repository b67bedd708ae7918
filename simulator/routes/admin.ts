import { ZodError } from "zod";
import type { SimContext } from "../context";
import { badRequest, notFound, HttpError } from "../http-error";
import { ERROR_STYLES, jsonReply, type ErrorStyle, type Reply } from "../reply";
import { assetStatus, assetTaskPhase, videoTaskPhase } from "../task-view";

function describeFaults(ctx: SimContext): Record<string, unknown> {
  return { ...ctx.faults.describe(), injected: ctx.faults.injected };
}

function zodMessage(error: ZodError): string {
  return error.issues.map((issue) => `${issue.path.join(".") || "body"}: ${issue.message}`).join("; ");
}

function withZod<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof ZodError) throw badRequest(zodMessage(error));
    throw error;
  }
}

/**
 * Test controls under `/_admin/` (no provider key): faults, request counts, the clock,
 * the error style, health and a task list.
 */
export function handleAdmin(ctx: SimContext, method: string, pathname: string, body: Record<string, unknown> | undefined): Reply {
  const route = `${method} ${pathname.replace(/\/+$/, "")}`;
  switch (route) {
    case "GET /_admin/health":
      return jsonReply(200, {
        ok: true,
        now: ctx.clock.nowSeconds(),
        uptime_seconds: Math.round((Date.now() - ctx.startedMs) / 1000),
        tasks: ctx.store.tasks.size,
        public_url: ctx.settings.publicUrl,
      });
    case "GET /_admin/faults":
      return jsonReply(200, describeFaults(ctx));
    case "PUT /_admin/faults":
      withZod(() => ctx.faults.replace(body ?? {}));
      return jsonReply(200, describeFaults(ctx));
    case "DELETE /_admin/faults":
      ctx.faults.replace({});
      return jsonReply(200, describeFaults(ctx));
    case "POST /_admin/faults/next":
      withZod(() => ctx.faults.enqueue(body ?? {}));
      return jsonReply(200, describeFaults(ctx));
    case "GET /_admin/stats":
      return jsonReply(200, {
        total: ctx.stats.total,
        endpoints: ctx.stats.endpoints,
        tasks: ctx.stats.tasks,
        faults: ctx.faults.injected,
      });
    case "POST /_admin/stats/reset":
      ctx.stats.reset();
      ctx.faults.resetCounts();
      return jsonReply(200, { ok: true });
    case "GET /_admin/clock":
      return jsonReply(200, { now: ctx.clock.nowSeconds(), offset_seconds: ctx.clock.offsetMs / 1000 });
    case "POST /_admin/clock": {
      const advance = body?.advanceSeconds;
      if (typeof advance !== "number" || !Number.isFinite(advance) || advance < 0) {
        throw badRequest("advanceSeconds must be a number of seconds, zero or more", "advanceSeconds");
      }
      ctx.clock.advance(advance);
      ctx.store.clockOffsetMs = ctx.clock.offsetMs;
      ctx.store.changed();
      return jsonReply(200, { now: ctx.clock.nowSeconds(), offset_seconds: ctx.clock.offsetMs / 1000 });
    }
    case "GET /_admin/error-style":
      return jsonReply(200, { style: ctx.settings.errorStyle });
    case "PUT /_admin/error-style": {
      const style = body?.style;
      if (typeof style !== "string" || !(ERROR_STYLES as readonly string[]).includes(style)) {
        throw badRequest(`style must be one of ${ERROR_STYLES.join(", ")}`, "style");
      }
      ctx.settings.errorStyle = style as ErrorStyle;
      return jsonReply(200, { style });
    }
    case "GET /_admin/tasks": {
      const now = ctx.clock.nowMs();
      const tasks = [...ctx.store.tasks.values()].map((task) => ({
        id: task.id,
        kind: task.kind,
        owner: task.owner,
        status: (task.kind === "asset" ? assetTaskPhase(task, ctx.store, now) : videoTaskPhase(task, now)).status,
        created: Math.floor(task.createdMs / 1000),
        idempotency_key: task.idempotencyKey ?? null,
        ...(task.kind === "asset"
          ? {
              assets: task.assetIds.map((id) => {
                const asset = ctx.store.assets.get(id);
                return { id, name: asset?.name ?? null, status: asset ? assetStatus(asset, ctx.store, now) : "Failed" };
              }),
            }
          : {}),
      }));
      return jsonReply(200, { tasks });
    }
    default:
      if (/^(GET|PUT|POST|DELETE) \/_admin\/(health|faults|faults\/next|stats|stats\/reset|clock|error-style|tasks)$/.test(route)) {
        throw new HttpError(405, `${method} is not allowed on ${pathname}`);
      }
      throw notFound(`no admin endpoint ${pathname}`);
  }
}
