import { listVideoJobs } from "@/lib/generation/list-video-jobs";
import { listVideoJobsQuerySchema } from "@/lib/generation/list-video-jobs.validation";
import { answerByVersion } from "@/lib/http/team-version";
import { parseRouteQuery } from "@/lib/http/parse-route-query";
import { withUser } from "@/lib/http/with-user";
import { getStorage } from "@/lib/storage/get-storage";

export const dynamic = "force-dynamic";

/**
 * `GET /api/video-jobs?status=all|active|succeeded|failed&mine=1&model=&q=&cursor=&limit=`
 * → `{ items, nextCursor, models }`: the team's video jobs, newest first. Postgres only:
 * watching jobs costs the provider nothing. Answered by version: 304 when nothing changed.
 */
export const GET = withUser("listing video jobs", async ({ request, user }) => {
  const query = parseRouteQuery(request, listVideoJobsQuerySchema);
  return answerByVersion(request, user, JSON.stringify(["video-jobs", query]), (_version, locale) => listVideoJobs(user.teamId, user.id, query, { storage: getStorage(), locale }));
});
