import { requireUser } from "@/lib/auth/session";
import { listGroups } from "@/lib/assets/list-groups";
import { noStore, routeErrorResponse } from "@/lib/http/route-error-response";

export const dynamic = "force-dynamic";

/** `GET /api/groups` → `{ groups }`: the team's asset groups for the target picker. */
export async function GET(): Promise<Response> {
  try {
    const user = await requireUser();
    return Response.json({ groups: await listGroups(user.teamId) }, { headers: noStore });
  } catch (error) {
    return routeErrorResponse(error, "listing groups");
  }
}
