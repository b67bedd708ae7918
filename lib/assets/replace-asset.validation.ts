import { z } from "zod";
import { messageKey } from "@/lib/i18n/message-key";

export const replaceAssetSchema = z.object({
  assetId: z.string().trim().min(1),
  /** The new file, uploaded through `POST /api/uploads`. */
  uploadId: z.string().trim().min(1, messageKey("validation.dropNewFile")),
  /** Send it even when the same file is already approved in the group. */
  sendApprovedAgain: z.boolean().default(false),
});
export type ReplaceAssetInput = z.input<typeof replaceAssetSchema>;
