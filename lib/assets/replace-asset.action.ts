"use server";

import { authActionClient } from "@/lib/safe-action";
import { replaceAssetSchema } from "@/lib/assets/replace-asset.validation";
import { resubmitAssets } from "@/lib/assets/resubmit-assets";
import { sendInBackground } from "@/lib/submissions/send-in-background";

/** Replace a failed asset's file: a new asset with the new file goes into the same group. */
export const replaceAssetAction = authActionClient.metadata({ actionName: "replaceAsset" }).inputSchema(replaceAssetSchema).action(async ({ parsedInput, ctx }) => {
  const { user } = ctx;
  const result = await resubmitAssets({
    teamId: user.teamId,
    actor: { id: user.id, role: user.role },
    items: [{ assetId: parsedInput.assetId, uploadId: parsedInput.uploadId }],
  });
  sendInBackground(result.submissionIds, user.teamId);
  return { newAssetId: result.replacements[parsedInput.assetId] ?? null };
});
