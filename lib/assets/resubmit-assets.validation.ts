import { z } from "zod";
import { messageKey } from "@/lib/i18n/message-key";

export const resubmitAssetsSchema = z.object({
  assetIds: z.array(z.string().trim().min(1)).min(1, messageKey("validation.chooseAsset")).max(100, messageKey("validation.tooManyResubmit")),
  /** Send them even when the same file is already approved in the group (otherwise those are left out and named). */
  sendApprovedAgain: z.boolean().default(false),
});
export type ResubmitAssetsInput = z.input<typeof resubmitAssetsSchema>;
