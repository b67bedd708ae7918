"use server";

import { revalidatePath } from "next/cache";
import { createVideoJob } from "@/lib/generation/create-video-job";
import { videoRequestSchema } from "@/lib/generation/video-request-schema";
import { authActionClient } from "@/lib/safe-action";
import { upstreamClientForTeam } from "@/lib/settings/upstream-client-for-team";

/** The Generate form: one job from the chosen references, prompt and parameters. */
export const createVideoJobAction = authActionClient.metadata({ actionName: "createVideoJob" }).inputSchema(videoRequestSchema).action(async ({ parsedInput, ctx }) => {
  const { client, settings } = await upstreamClientForTeam(ctx.user.teamId);
  const outcome = await createVideoJob(
    { teamId: ctx.user.teamId, userId: ctx.user.id, request: parsedInput, source: "form" },
    { client, models: settings.models },
  );
  revalidatePath("/jobs");
  return outcome;
});
