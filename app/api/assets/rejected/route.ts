import { listRejectedAssets } from "@/lib/assets/list-rejected-assets";
import { assertCan } from "@/lib/auth/session";
import { answerByVersion } from "@/lib/http/team-version";
import { withUser } from "@/lib/http/with-user";

/** `GET /api/assets/rejected` → the review queue (leads and admins). Postgres only; answered by version (304 when unchanged). */
export const GET = withUser("listing rejected assets", async ({ request, user }) => {
  assertCan(user, "reviewFailed");
  return answerByVersion(request, user, "rejected", (_version, locale) => listRejectedAssets(user.teamId, { locale }));
});
