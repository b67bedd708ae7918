import { z } from "zod";

export const resubmitAssetsSchema = z.object({
  assetIds: z.array(z.string().trim().min(1)).min(1, "Choose at least one asset.").max(100, "Resubmit at most 100 assets at once."),
  /** Send them even when the same file is already approved in the group (otherwise those are left out and named). */
  sendApprovedAgain: z.boolean().default(false),
});
export type ResubmitAssetsInput = z.input<typeof resubmitAssetsSchema>;
