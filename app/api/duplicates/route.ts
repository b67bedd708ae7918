import { findApprovedDuplicates } from "@/lib/assets/find-approved-duplicates";
import { AppError } from "@/lib/errors";
import { noStore, withUser } from "@/lib/http/with-user";

export const dynamic = "force-dynamic";

const MAX_IDS = 500;

/**
 * `GET /api/duplicates?uploadIds=a,b,c&url=https://…&url=…&group=<groupId>` → `{ duplicates:
 * [{ uploadId, sourceUrl, assetId, name, assetUrl, groupId, groupName, sameGroup, … }] }`:
 * which of these uploads and URL assets are already approved in the team (each answer names
 * the upload or the URL it matches; an approval in `group`, the group being submitted to,
 * comes first).
 */
export const GET = withUser("finding duplicates", async ({ request, user }) => {
  const search = new URL(request.url).searchParams;
  const uploadIds = [...new Set((search.get("uploadIds") ?? "").split(",").map((s) => s.trim()).filter(Boolean))];
  const urls = [...new Set(search.getAll("url").map((s) => s.trim()).filter(Boolean))];
  if (uploadIds.length + urls.length > MAX_IDS) throw new AppError("INVALID_INPUT", "tooManyFiles", { values: { max: MAX_IDS } });
  const groupId = search.get("group") || null;
  return Response.json({ duplicates: await findApprovedDuplicates(user.teamId, { uploadIds, urls }, { groupId }) }, { headers: noStore });
});
