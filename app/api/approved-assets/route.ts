import { listApprovedAssets } from "@/lib/generation/list-approved-assets";
import { listApprovedAssetsQuerySchema } from "@/lib/generation/list-approved-assets.validation";
import { parseRouteQuery } from "@/lib/http/parse-route-query";
import { noStore, withUser } from "@/lib/http/with-user";
import { getStorage } from "@/lib/storage/get-storage";

export const dynamic = "force-dynamic";

/**
 * `GET /api/approved-assets?q=&type=&groupId=&cursor=&limit=&ids=` → `{ items, nextCursor }`:
 * the team's approved assets for the Generate page's picker. Postgres only.
 */
export const GET = withUser("listing approved assets", async ({ request, user }) => {
  const query = parseRouteQuery(request, listApprovedAssetsQuerySchema);
  return Response.json(await listApprovedAssets(user.teamId, query, { storage: getStorage() }), { headers: noStore });
});
