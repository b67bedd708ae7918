"use server";

import { authActionClient } from "@/lib/safe-action";
import { resubmitFailedAssets } from "@/lib/assets/resubmit-failed-assets";
import { resubmitAssetsSchema } from "@/lib/assets/resubmit-assets.validation";
import { sendInBackground } from "@/lib/submissions/send-in-background";

/** Resubmit failed assets as they are: new assets in new submissions, the old ones REPLACED. */
export const resubmitAssetsAction = authActionClient.inputSchema(resubmitAssetsSchema).action(async ({ parsedInput, ctx }) => {
  const { user } = ctx;
  const result = await resubmitFailedAssets({
    teamId: user.teamId,
    actor: { id: user.id, role: user.role },
    items: parsedInput.assetIds.map((assetId) => ({ assetId })),
  });
  sendInBackground(result.submissionIds, user.teamId);
  return { count: parsedInput.assetIds.length, replacements: result.replacements };
});
