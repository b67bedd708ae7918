import { listApiFailedAssets } from "@/lib/api-v1/api-assets";
import { apiRoute } from "@/lib/api-v1/api-route";
import { failedQueueQuerySchema, parseApiQuery } from "@/lib/api-v1/api-schemas";
import { assertCan } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

/** `GET /api/v1/assets/failed` → the failed queue, for leads and admins (scope `read`). */
export const GET = apiRoute({ what: "listing failed assets", scope: "read" }, async ({ request, caller }) => {
  assertCan(caller.user, "reviewFailed");
  return Response.json(await listApiFailedAssets(caller.user.teamId, parseApiQuery(request, failedQueueQuerySchema)));
});
