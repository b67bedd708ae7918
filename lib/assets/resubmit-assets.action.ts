"use server";

import { resubmitAndSend } from "@/lib/assets/resubmit-assets";
import { resubmitAssetsSchema } from "@/lib/assets/resubmit-assets.validation";
import { authActionClient } from "@/lib/safe-action";

/** Resubmit failed assets as they are: new assets in new submissions, the old ones REPLACED. */
export const resubmitAssetsAction = authActionClient
  .metadata({ actionName: "resubmitAssets" })
  .inputSchema(resubmitAssetsSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await resubmitAndSend(
      ctx.user,
      parsedInput.assetIds.map((assetId) => ({ assetId })),
      { sendApprovedAgain: parsedInput.sendApprovedAgain },
    );
    return { count: Object.keys(result.replacements).length, replacements: result.replacements, alreadyApproved: result.alreadyApproved };
  });
