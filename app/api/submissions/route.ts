import { noStore, withUser } from "@/lib/http/with-user";
import { listSubmissions } from "@/lib/submissions/list-submissions";

export const dynamic = "force-dynamic";

/** `GET /api/submissions` → the team's recent submits and their provider requests (Postgres only; polled). */
export const GET = withUser("listing submissions", async ({ user }) => Response.json(await listSubmissions(user.teamId), { headers: noStore }));
