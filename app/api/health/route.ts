import { env } from "@/lib/env";
import { noStore, withRoute } from "@/lib/http/with-user";
import { checkHealth, type ComponentHealth } from "@/lib/health/check-health";
import { workerIsAlive } from "@/lib/jobs/start-worker";
import { clientFromSettings } from "@/lib/settings/upstream-client-for-team";
import { getStorage } from "@/lib/storage/get-storage";

export const dynamic = "force-dynamic";

// The provider is asked at most every 30 s, however many callers watch this route.
let upstreamCache: { at: number; value: ComponentHealth } | null = null;
const UPSTREAM_TTL_MS = 30_000;

async function upstreamHealth(): Promise<ComponentHealth> {
  if (upstreamCache && Date.now() - upstreamCache.at < UPSTREAM_TTL_MS) return upstreamCache.value;
  const started = performance.now();
  const result = await clientFromSettings({ baseUrl: env.UPSTREAM_BASE_URL, apiKey: env.UPSTREAM_API_KEY }).testConnection();
  const value: ComponentHealth = result.ok
    ? { status: "ok", latencyMs: Math.round(performance.now() - started), detail: new URL(env.UPSTREAM_BASE_URL).host }
    : { status: "down", detail: result.error.message };
  upstreamCache = { at: Date.now(), value };
  return value;
}

/** `GET /api/health` → each component's state; 503 when one is down. Public: no session needed. */
export const GET = withRoute("checking health", async () => {
  const health = await checkHealth(
    {
      worker: async () => ((await workerIsAlive()) ? { status: "ok" } : { status: "down", detail: "no worker has reported in the last 20 s" }),
      upstream: upstreamHealth,
    },
    // A HEAD on the bucket (STORAGE_DRIVER=s3), or a writable STORAGE_DIR.
    { storage: getStorage() },
  );
  return Response.json(health, { status: health.status === "ok" ? 200 : 503, headers: noStore });
});
