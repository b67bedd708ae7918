import { z } from "zod";
import { messageKey } from "@/lib/i18n/message-key";

export const dismissAssetsSchema = z.object({
  assetIds: z.array(z.string().trim().min(1)).min(1, messageKey("validation.chooseAsset")).max(500, messageKey("validation.tooManyDismiss")),
  note: z.string().trim().min(1, messageKey("validation.dismissNoteRequired")).max(1000, messageKey("validation.dismissNoteTooLong")),
});
export type DismissAssetsInput = z.input<typeof dismissAssetsSchema>;
