import { listApiAssets } from "@/lib/api-v1/api-assets";
import { apiRoute } from "@/lib/api-v1/api-route";
import { listAssetsQuerySchema, parseApiQuery } from "@/lib/api-v1/api-schemas";

export const dynamic = "force-dynamic";

/** `GET /api/v1/assets` → one page of the team's assets, newest first (scope `read`). */
export const GET = apiRoute({ what: "listing assets", scope: "read" }, async ({ request, caller }) =>
  Response.json(await listApiAssets(caller.user.teamId, parseApiQuery(request, listAssetsQuerySchema))),
);
