import { listRejectedAssets } from "@/lib/assets/list-rejected-assets";
import { assertCan } from "@/lib/auth/session";
import { noStore, withUser } from "@/lib/http/with-user";

/** `GET /api/assets/rejected` → the review queue (leads and admins). Postgres only. */
export const GET = withUser("listing rejected assets", async ({ user }) => {
  assertCan(user, "reviewFailed");
  return Response.json(await listRejectedAssets(user.teamId), { headers: noStore });
});
