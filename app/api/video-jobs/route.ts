import { parseRouteQuery } from "@/lib/http/parse-route-query";
import { noStore, routeErrorResponse } from "@/lib/http/route-error-response";
import { requireUser } from "@/lib/auth/session";
import { listVideoJobs } from "@/lib/generation/list-video-jobs";
import { listVideoJobsQuerySchema } from "@/lib/generation/list-video-jobs.validation";
import { getStorage } from "@/lib/storage/get-storage";

export const dynamic = "force-dynamic";

/**
 * `GET /api/video-jobs?status=all|active|succeeded|failed&mine=1&model=&q=&cursor=&limit=`
 * → `{ items, nextCursor, models }`: the team's video jobs, newest first. Postgres only:
 * watching jobs costs the provider nothing.
 */
export async function GET(request: Request): Promise<Response> {
  try {
    const user = await requireUser();
    const query = parseRouteQuery(request, listVideoJobsQuerySchema);
    return Response.json(await listVideoJobs(user.teamId, user.id, query, { storage: getStorage() }), { headers: noStore });
  } catch (error) {
    return routeErrorResponse(error, "listing video jobs");
  }
}
