"use server";

import { authActionClient } from "@/lib/safe-action";
import { submitAssets } from "@/lib/submissions/submit-assets";
import { submitAssetsSchema } from "@/lib/submissions/submit-assets.validation";

/**
 * Submit files and URLs for review into one group (every role). Returns the group and one
 * entry per provider request with the state it reached: SENT, SEND_FAILED (retry it),
 * UNCERTAIN, or QUEUED (the worker will send it).
 */
export const submitAssetsAction = authActionClient
  .metadata({ actionName: "submitAssets" }).inputSchema(submitAssetsSchema)
  .action(async ({ parsedInput, ctx }) => submitAssets(parsedInput, { teamId: ctx.user.teamId, userId: ctx.user.id }));
