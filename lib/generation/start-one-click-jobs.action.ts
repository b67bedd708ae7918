"use server";

import { revalidatePath } from "next/cache";
import { AppError } from "@/lib/errors";
import { getGenerationSettings } from "@/lib/generation/get-generation-settings";
import { startOneClickJobs } from "@/lib/generation/start-one-click-jobs";
import { startOneClickJobsSchema } from "@/lib/generation/start-one-click-jobs.validation";
import { authActionClient } from "@/lib/safe-action";
import { upstreamClientForTeam } from "@/lib/settings/upstream-client-for-team";

/** "Generate video" on approved avatars: one job each, with the team's defaults. */
export const startOneClickJobsAction = authActionClient.metadata({ actionName: "startOneClickJobs" }).inputSchema(startOneClickJobsSchema).action(async ({ parsedInput, ctx }) => {
  const teamId = ctx.user.teamId;
  const [{ client, settings }, generation] = await Promise.all([upstreamClientForTeam(teamId), getGenerationSettings(teamId)]);
  const results = await startOneClickJobs(
    { teamId, userId: ctx.user.id, assetIds: parsedInput.assetIds, defaults: generation.defaults },
    { client, models: settings.models },
  );
  revalidatePath("/jobs");
  const [only] = results;
  // One avatar refused before a job was made: say why, as for any other refused request (the
  // sentence is already in the user's language, and passes through as it is).
  if (results.length === 1 && only && !only.ok) throw new AppError("INVALID_INPUT", only.error);
  return { results };
});
