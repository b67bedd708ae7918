import { apiRoute } from "@/lib/api-v1/api-route";
import { listSubmissionsQuerySchema, parseApiQuery, submitRequestSchema } from "@/lib/api-v1/api-schemas";
import { getApiSubmissions, listApiSubmissions } from "@/lib/api-v1/api-submissions";
import { submitAssets } from "@/lib/submissions/submit-assets";

export const dynamic = "force-dynamic";

/** `GET /api/v1/submissions` → one page of the team's submissions, newest first (scope `read`). */
export const GET = apiRoute({ what: "listing submissions", scope: "read" }, async ({ request, caller }) =>
  Response.json(await listApiSubmissions(caller.user.teamId, parseApiQuery(request, listSubmissionsQuerySchema))),
);

/**
 * `POST /api/v1/submissions` → 201: submits uploads and URLs for review into one group, as the
 * Upload page does (scope `submit`). URLs go through the outbound guard before anything is written.
 */
export const POST = apiRoute({ what: "submitting assets", scope: "submit", body: submitRequestSchema }, async ({ body, caller }) => {
  const result = await submitAssets(body, { teamId: caller.user.teamId, userId: caller.user.id });
  const submissions = await getApiSubmissions(caller.user.teamId, result.submissions.map((s) => s.id));
  return Response.json(
    { groupId: result.groupId, groupName: result.groupName, projectName: result.projectName, submittedAt: result.submittedAt, submissions },
    { status: 201 },
  );
});
