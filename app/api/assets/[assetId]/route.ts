import { getAssetDetail } from "@/lib/assets/get-asset-detail";
import { can } from "@/lib/auth/roles";
import { noStore, withUser } from "@/lib/http/with-user";

/**
 * `GET /api/assets/:assetId` → one asset with its submission and history; the provider's
 * raw payloads only for leads and admins. Postgres only.
 */
export const GET = withUser<{ assetId: string }>("reading an asset", async ({ params, user }) => {
  const detail = await getAssetDetail(user.teamId, params.assetId, { includeRaw: can(user.role, "viewRawPayload") });
  return Response.json(detail, { headers: noStore });
});
