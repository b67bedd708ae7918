import { apiRoute } from "@/lib/api-v1/api-route";
import { getApiSubmission } from "@/lib/api-v1/api-submissions";

export const dynamic = "force-dynamic";

/** `GET /api/v1/submissions/{submissionId}` → one submission and its assets' verdicts (scope `read`). */
export const GET = apiRoute<{ submissionId: string }>({ what: "reading a submission", scope: "read" }, async ({ params, caller }) =>
  Response.json({ submission: await getApiSubmission(caller.user.teamId, params.submissionId) }),
);
