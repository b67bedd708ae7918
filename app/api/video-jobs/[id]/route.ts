import { noStore, routeErrorResponse } from "@/lib/http/route-error-response";
import { can } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { getVideoJob } from "@/lib/generation/get-video-job";
import { getStorage } from "@/lib/storage/get-storage";

export const dynamic = "force-dynamic";

/** `GET /api/video-jobs/<id>` → `{ job }`, polled by the job page until the job is finished. Postgres only. */
export async function GET(_request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  try {
    const user = await requireUser();
    const { id } = await context.params;
    const job = await getVideoJob(user.teamId, id, { storage: getStorage(), includeRaw: can(user.role, "viewRawPayload") });
    return Response.json({ job }, { headers: noStore });
  } catch (error) {
    return routeErrorResponse(error, "reading a video job");
  }
}
