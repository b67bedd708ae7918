import { z } from "zod";
import { videoParamsSchema } from "@/lib/generation/video-request-schema";
import { resolutions, videoLimits } from "@/lib/generation/video-rules";
import { messageKey } from "@/lib/i18n/message-key";

export const saveGenerationSettingsSchema = z.object({
  /** Empty: the built-in prompt. */
  defaultPrompt: z
    .string()
    .max(videoLimits.promptMaxChars, messageKey("validation.promptTooLong"))
    .transform((v) => (v.trim() === "" ? null : v)),
  defaults: videoParamsSchema.extend({
    /** Empty: the first model in the list. */
    model: z
      .string()
      .trim()
      .max(128)
      .transform((v) => (v === "" ? null : v)),
  }),
  priceTable: z
    .object({
      currency: z.string().trim().max(12),
      perSecond: z.record(
        z.string().trim().min(1).max(128),
        z.partialRecord(z.enum(resolutions), z.number({ error: messageKey("validation.priceNumber") }).nonnegative(messageKey("validation.priceNegative")).max(1_000_000).nullable()),
      ),
    })
    .transform((table) => {
      const perSecond: Record<string, Partial<Record<(typeof resolutions)[number], number>>> = {};
      for (const [model, byResolution] of Object.entries(table.perSecond)) {
        const prices = Object.fromEntries(Object.entries(byResolution).filter((entry): entry is [string, number] => typeof entry[1] === "number"));
        if (Object.keys(prices).length > 0) perSecond[model] = prices;
      }
      return Object.keys(perSecond).length > 0 ? { currency: table.currency || "USD", perSecond } : null;
    }),
});
