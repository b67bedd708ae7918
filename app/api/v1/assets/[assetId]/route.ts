import { getApiAsset } from "@/lib/api-v1/api-assets";
import { apiRoute } from "@/lib/api-v1/api-route";

export const dynamic = "force-dynamic";

/** `GET /api/v1/assets/{assetId}` → one of the team's assets (scope `read`). */
export const GET = apiRoute<{ assetId: string }>({ what: "reading an asset", scope: "read" }, async ({ params, caller }) =>
  Response.json(await getApiAsset(caller.user.teamId, params.assetId)),
);
