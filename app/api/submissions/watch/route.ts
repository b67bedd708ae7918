import { parseRouteQuery } from "@/lib/http/parse-route-query";
import { noStore, withUser } from "@/lib/http/with-user";
import { watchReviews } from "@/lib/submissions/watch-reviews";
import { watchReviewsQuerySchema } from "@/lib/submissions/watch-reviews.validation";

export const dynamic = "force-dynamic";

/**
 * `GET /api/submissions/watch?since=<ISO>` → `{ now, running, ended }`: how many of the
 * signed-in user's reviews are running, and those that finished after `since` (Postgres
 * only; polled by the finish notices on every page).
 */
export const GET = withUser("watching reviews", async ({ request, user }) => {
  const { since } = parseRouteQuery(request, watchReviewsQuerySchema);
  return Response.json(await watchReviews(user.teamId, user.id, since ? new Date(since) : undefined), { headers: noStore });
});
