import { can } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { noStore, routeErrorResponse } from "@/lib/http/route-error-response";
import { getAssetDetail } from "@/lib/assets/get-asset-detail";

/**
 * `GET /api/assets/:assetId` → one asset with its submission and history; the provider's
 * raw payloads only for leads and admins. Postgres only.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ assetId: string }> }): Promise<Response> {
  try {
    const user = await requireUser();
    const { assetId } = await params;
    const detail = await getAssetDetail(user.teamId, assetId, { includeRaw: can(user.role, "viewRawPayload") });
    return Response.json(detail, { headers: noStore });
  } catch (error) {
    return routeErrorResponse(error, "reading an asset");
  }
}
