import { assertCan, requireUser } from "@/lib/auth/session";
import { noStore, routeErrorResponse } from "@/lib/http/route-error-response";
import { listFailedAssets } from "@/lib/assets/list-failed-assets";

/** `GET /api/assets/failed` → the review queue (leads and admins). Postgres only. */
export async function GET(): Promise<Response> {
  try {
    const user = await requireUser();
    assertCan(user, "reviewFailed");
    return Response.json(await listFailedAssets(user.teamId), { headers: noStore });
  } catch (error) {
    return routeErrorResponse(error, "listing failed assets");
  }
}
