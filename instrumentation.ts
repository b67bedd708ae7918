import type { Instrumentation } from "next";

// Runs once when a Next.js server starts: a missing or bad setting stops start-up here,
// with a message naming it, instead of failing on the first request that needs it.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    await import("./lib/env");
  }
}

/**
 * Every error a page, layout, route or action threw on the server. The error page shows the
 * user the error's digest as its reference; this log line carries the same digest with the
 * path and the error itself, so support finds one from the other.
 */
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { logger } = await import("./lib/logger");
  const digest = (error as { digest?: string }).digest;
  logger.error(
    { err: error, reference: digest, path: request.path, method: request.method, routePath: context.routePath, routeType: context.routeType },
    `rendering ${context.routePath} failed (reference ${digest ?? "none"})`,
  );
};
