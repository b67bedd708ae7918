import { z } from "zod";
import { messageKey } from "@/lib/i18n/message-key";

export const startOneClickJobsSchema = z.object({
  assetIds: z
    .array(z.string().trim().min(1).max(64))
    .min(1, messageKey("validation.chooseAvatar"))
    .max(50, messageKey("validation.tooManyVideos"))
    .transform((ids) => [...new Set(ids)]),
});
