import { listFailedAssets } from "@/lib/assets/list-failed-assets";
import { assertCan } from "@/lib/auth/session";
import { noStore, withUser } from "@/lib/http/with-user";

/** `GET /api/assets/failed` → the review queue (leads and admins). Postgres only. */
export const GET = withUser("listing failed assets", async ({ user }) => {
  assertCan(user, "reviewFailed");
  return Response.json(await listFailedAssets(user.teamId), { headers: noStore });
});
