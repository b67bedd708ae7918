import { findApprovedDuplicates } from "@/lib/assets/find-approved-duplicates";
import { AppError } from "@/lib/errors";
import { noStore, withUser } from "@/lib/http/with-user";

export const dynamic = "force-dynamic";

const MAX_IDS = 500;

/**
 * `GET /api/groups/<groupId>/duplicates?uploadIds=a,b,c` → `{ duplicates: [{ uploadId, assetId,
 * name, assetUrl, … }] }`: which of these uploads are already approved in the group.
 */
export const GET = withUser<{ groupId: string }>("finding duplicates", async ({ request, params, user }) => {
  const raw = new URL(request.url).searchParams.get("uploadIds") ?? "";
  const uploadIds = [...new Set(raw.split(",").map((s) => s.trim()).filter(Boolean))];
  if (uploadIds.length > MAX_IDS) throw new AppError("INVALID_INPUT", `Ask about at most ${MAX_IDS} uploads at once.`);
  return Response.json({ duplicates: await findApprovedDuplicates(user.teamId, params.groupId, uploadIds) }, { headers: noStore });
});
