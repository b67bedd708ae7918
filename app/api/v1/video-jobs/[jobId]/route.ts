import { apiRoute } from "@/lib/api-v1/api-route";
import { getApiVideoJob } from "@/lib/api-v1/api-video-jobs";

export const dynamic = "force-dynamic";

/** `GET /api/v1/video-jobs/{jobId}` → `{ job }` (scope `read`). */
export const GET = apiRoute<{ jobId: string }>({ what: "reading a video job", scope: "read" }, async ({ params, caller }) =>
  Response.json({ job: await getApiVideoJob(caller.user.teamId, params.jobId) }),
);
