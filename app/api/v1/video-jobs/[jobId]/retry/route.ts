import { apiRoute } from "@/lib/api-v1/api-route";
import { retryVideoJobRequestSchema } from "@/lib/api-v1/api-schemas";
import { getApiVideoJob } from "@/lib/api-v1/api-video-jobs";
import { env } from "@/lib/env";
import { retryVideoJob } from "@/lib/generation/retry-video-job";
import { upstreamClientForTeam } from "@/lib/settings/upstream-client-for-team";

export const dynamic = "force-dynamic";

/**
 * `POST /api/v1/video-jobs/{jobId}/retry` → `{ job }`: the Jobs page's Retry (scope `generate`).
 * A job that failed at the provider becomes a new job (the answer is that job); one that could
 * not be sent is sent again.
 */
export const POST = apiRoute<{ jobId: string }, typeof retryVideoJobRequestSchema>(
  { what: "retrying a video job", scope: "generate", body: retryVideoJobRequestSchema },
  async ({ params, body, caller }) => {
    const { client, settings } = await upstreamClientForTeam(caller.user.teamId);
    const outcome = await retryVideoJob(
      { teamId: caller.user.teamId, userId: caller.user.id, jobId: params.jobId, resendUncertain: body?.resendUncertain },
      { client, models: settings.models, uncertainWindowMs: env.UPSTREAM_UNCERTAIN_WINDOW_HOURS * 3600_000 },
    );
    return Response.json({ job: await getApiVideoJob(caller.user.teamId, outcome.jobId) });
  },
);
