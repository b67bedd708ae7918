import { noStore, routeErrorResponse } from "@/lib/assets/route-error-response";
import { requireUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
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
    const parsed = listVideoJobsQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!parsed.success) throw new AppError("INVALID_INPUT", "The filters are not valid.");
    const query = parsed.data;
    return Response.json(await listVideoJobs(user.teamId, user.id, query, { storage: getStorage() }), { headers: noStore });
  } catch (error) {
    return routeErrorResponse(error, "listing video jobs");
  }
}
