import { apiRoute } from "@/lib/api-v1/api-route";
import { listVideoJobsApiQuerySchema, parseApiQuery, videoJobRequestSchema } from "@/lib/api-v1/api-schemas";
import { getApiVideoJob, listApiVideoJobs } from "@/lib/api-v1/api-video-jobs";
import { createVideoJob } from "@/lib/generation/create-video-job";
import { upstreamClientForTeam } from "@/lib/settings/upstream-client-for-team";

export const dynamic = "force-dynamic";

/** `GET /api/v1/video-jobs` → one page of the team's video jobs, newest first (scope `read`). */
export const GET = apiRoute({ what: "listing video jobs", scope: "read" }, async ({ request, caller }) =>
  Response.json(await listApiVideoJobs(caller.user.teamId, caller.user.id, parseApiQuery(request, listVideoJobsApiQuerySchema))),
);

/** `POST /api/v1/video-jobs` → 201 `{ job }`: starts a video from approved assets, as the Generate page does (scope `generate`). */
export const POST = apiRoute({ what: "creating a video job", scope: "generate", body: videoJobRequestSchema }, async ({ body, caller }) => {
  const { client, settings } = await upstreamClientForTeam(caller.user.teamId);
  const outcome = await createVideoJob({ teamId: caller.user.teamId, userId: caller.user.id, request: body, source: "api" }, { client, models: settings.models });
  return Response.json({ job: await getApiVideoJob(caller.user.teamId, outcome.jobId) }, { status: 201 });
});
