"use server";

import { revalidatePath } from "next/cache";
import { env } from "@/lib/env";
import { retryVideoJob } from "@/lib/generation/retry-video-job";
import { retryVideoJobSchema } from "@/lib/generation/retry-video-job.validation";
import { authActionClient } from "@/lib/safe-action";
import { upstreamClientForTeam } from "@/lib/settings/upstream-client-for-team";

/** "Retry" on a job that failed or could not be sent, or "Ask again" / "Resend anyway" on one whose answer was lost. */
export const retryVideoJobAction = authActionClient.metadata({ actionName: "retryVideoJob" }).inputSchema(retryVideoJobSchema).action(async ({ parsedInput, ctx }) => {
  const { client, settings } = await upstreamClientForTeam(ctx.user.teamId);
  const outcome = await retryVideoJob({ teamId: ctx.user.teamId, userId: ctx.user.id, jobId: parsedInput.jobId, resendUncertain: parsedInput.resendUncertain }, { client, models: settings.models, uncertainWindowMs: env.UPSTREAM_UNCERTAIN_WINDOW_HOURS * 3600_000 });
  revalidatePath("/jobs");
  return outcome;
});
