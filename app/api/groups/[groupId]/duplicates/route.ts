import { findApprovedDuplicates } from "@/lib/assets/find-approved-duplicates";
import { AppError } from "@/lib/errors";
import { noStore, withUser } from "@/lib/http/with-user";

export const dynamic = "force-dynamic";

const MAX_IDS = 500;

/**
 * `GET /api/groups/<groupId>/duplicates?uploadIds=a,b,c&url=https://…&url=…` → `{ duplicates:
 * [{ uploadId, sourceUrl, assetId, name, assetUrl, … }] }`: which of these uploads and URL
 * assets are already approved in the group (each answer names the upload or the URL it matches).
 */
export const GET = withUser<{ groupId: string }>("finding duplicates", async ({ request, params, user }) => {
  const search = new URL(request.url).searchParams;
  const uploadIds = [...new Set((search.get("uploadIds") ?? "").split(",").map((s) => s.trim()).filter(Boolean))];
  const urls = [...new Set(search.getAll("url").map((s) => s.trim()).filter(Boolean))];
  if (uploadIds.length + urls.length > MAX_IDS) throw new AppError("INVALID_INPUT", "tooManyFilesAsked", { values: { limit: MAX_IDS } });
  return Response.json({ duplicates: await findApprovedDuplicates(user.teamId, params.groupId, { uploadIds, urls }) }, { headers: noStore });
});
