import { answerByVersion } from "@/lib/http/team-version";
import { withUser } from "@/lib/http/with-user";
import { listSubmissions } from "@/lib/submissions/list-submissions";

export const dynamic = "force-dynamic";

/**
 * `GET /api/submissions` → the team's recent submits and their provider requests (Postgres
 * only; polled, answered by version: 304 when nothing changed).
 */
export const GET = withUser("listing submissions", async ({ request, user }) =>
  answerByVersion(request, user, "submissions", (_version, locale) => listSubmissions(user.teamId, { locale })),
);
