import { countAssetsByTab } from "@/lib/assets/count-assets-by-tab";
import { decodeCursor, encodeCursor, parsePageSize } from "@/lib/assets/gallery-filters";
import { parseGalleryFilters } from "@/lib/assets/parse-gallery-filters";
import { listAssets } from "@/lib/assets/list-assets";
import { summariseReviews } from "@/lib/assets/summarise-reviews";
import { answerByVersion } from "@/lib/http/team-version";
import { withUser } from "@/lib/http/with-user";
import { resolveTimeZone } from "@/lib/insight/time-zone";

/**
 * `GET /api/assets?tab=&type=&group=&project=&who=&from=&to=&q=&cursor=&limit=&watch=`
 * → `{ items, nextCursor, counts?, reviews }`. One page of the team's gallery (keyset cursor);
 * the first page also carries the tab counts. `watch` (comma-separated submission ids) asks
 * where those reviews stand. Reads Postgres only, never the provider: polling it costs the
 * provider nothing. Answered by version: a poll that holds the current ETag gets a 304.
 */
export const GET = withUser("listing assets", async ({ request, user }) => {
  const params = new URL(request.url).searchParams;
  const filters = parseGalleryFilters(params);
  const cursor = decodeCursor(params.get("cursor"));
  const limit = parsePageSize(params.get("limit"));
  const watch = [...new Set((params.get("watch") ?? "").split(",").filter((id) => /^[A-Za-z0-9_-]{1,64}$/.test(id)))].sort();
  // What was asked, normalised: the same view asked two ways shares one ETag.
  const what = JSON.stringify(["assets", filters, cursor ? encodeCursor(cursor) : null, limit, watch]);
  // The days of `from`/`to` are the user's days.
  const timeZone = resolveTimeZone({ user: user.timeZone });
  // Only "who: me" makes the page the viewer's own; every other view is the team's to share.
  const sharedBy = filters.who === "me" ? user.id : "team";
  return answerByVersion(request, user, what, async (version) => {
    const { tab: _tab, ...rest } = filters;
    const [page, counts, reviews] = await Promise.all([
      listAssets(user.teamId, filters, { cursor, limit, viewerId: user.id, timeZone }),
      cursor ? null : countAssetsByTab(user.teamId, rest, user.id, { version, timeZone, kept: user.teamCounts }),
      summariseReviews(user.teamId, watch),
    ]);
    return { ...page, counts, reviews };
  }, sharedBy);
});
