import { parseRouteQuery } from "@/lib/http/parse-route-query";
import { noStore, routeErrorResponse } from "@/lib/http/route-error-response";
import { requireUser } from "@/lib/auth/session";
import { listApprovedAssets } from "@/lib/generation/list-approved-assets";
import { listApprovedAssetsQuerySchema } from "@/lib/generation/list-approved-assets.validation";
import { getStorage } from "@/lib/storage/get-storage";

export const dynamic = "force-dynamic";

/**
 * `GET /api/approved-assets?q=&type=&groupId=&cursor=&limit=&ids=` → `{ items, nextCursor }`:
 * the team's approved assets for the Generate page's picker. Postgres only.
 */
export async function GET(request: Request): Promise<Response> {
  try {
    const user = await requireUser();
    const query = parseRouteQuery(request, listApprovedAssetsQuerySchema);
    return Response.json(await listApprovedAssets(user.teamId, query, { storage: getStorage() }), { headers: noStore });
  } catch (error) {
    return routeErrorResponse(error, "listing approved assets");
  }
}
