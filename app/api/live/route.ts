import { withRoute } from "@/lib/http/with-user";

export const dynamic = "force-dynamic";

/**
 * `GET /api/live` → `{ status: "ok" }` while the process answers: liveness for load
 * balancers and orchestrators. It touches nothing (no database, no provider, no disk), so a
 * slow dependency never gets a healthy process restarted; `/api/health` is the readiness check.
 */
export const GET = withRoute("checking liveness", async () => Response.json({ status: "ok" }, { headers: { "cache-control": "no-store" } }));
