import { listGroups } from "@/lib/assets/list-groups";
import { noStore, withUser } from "@/lib/http/with-user";

export const dynamic = "force-dynamic";

/** `GET /api/groups` → `{ groups }`: the team's asset groups for the target picker. */
export const GET = withUser("listing groups", async ({ user }) => Response.json({ groups: await listGroups(user.teamId) }, { headers: noStore }));
