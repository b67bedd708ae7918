"use server";

import { authActionClient } from "@/lib/safe-action";
import { resubmitAssets } from "@/lib/assets/resubmit-assets";
import { resubmitAssetsSchema } from "@/lib/assets/resubmit-assets.validation";
import { sendInBackground } from "@/lib/submissions/send-in-background";

/** Resubmit failed assets as they are: new assets in new submissions, the old ones REPLACED. */
export const resubmitAssetsAction = authActionClient.metadata({ actionName: "resubmitAssets" }).inputSchema(resubmitAssetsSchema).action(async ({ parsedInput, ctx }) => {
  const { user } = ctx;
  const result = await resubmitAssets({
    teamId: user.teamId,
    actor: { id: user.id, role: user.role },
    items: parsedInput.assetIds.map((assetId) => ({ assetId })),
  });
  sendInBackground(result.submissionIds, user.teamId);
  return { count: parsedInput.assetIds.length, replacements: result.replacements };
});
