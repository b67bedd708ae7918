"use server";

import { revalidatePath } from "next/cache";
import { retryVideoJob } from "@/lib/generation/retry-video-job";
import { retryVideoJobSchema } from "@/lib/generation/retry-video-job.validation";
import { authActionClient } from "@/lib/safe-action";
import { upstreamClientForTeam } from "@/lib/settings/upstream-client-for-team";

/** "Retry" on a job that failed or could not be sent. */
export const retryVideoJobAction = authActionClient.metadata({ actionName: "retryVideoJob" }).inputSchema(retryVideoJobSchema).action(async ({ parsedInput, ctx }) => {
  const { client, settings } = await upstreamClientForTeam(ctx.user.teamId);
  const outcome = await retryVideoJob({ teamId: ctx.user.teamId, userId: ctx.user.id, jobId: parsedInput.jobId }, { client, models: settings.models });
  revalidatePath("/jobs");
  return outcome;
});
