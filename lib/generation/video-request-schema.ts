import { z } from "zod";
import { AssetType } from "@/lib/generated/prisma/enums";
import { aspectRatios, checkVideoRules, referenceRoles, resolutions, videoLimits } from "@/lib/generation/video-rules";
import { messageKey } from "@/lib/i18n/message-key";

/**
 * A generation request as the server takes it (the Generate form's action and the API), built
 * on the rules of video-rules.ts. The browser checks the same rules without this library
 * (`checkVideoRules`, `videoParamProblems`).
 */

export const videoReferenceSchema = z.object({
  assetId: z.string().trim().min(1).max(64),
  type: z.enum(AssetType),
  role: z.enum(referenceRoles),
});
export type VideoReference = z.infer<typeof videoReferenceSchema>;

/** Everything about a generation except the prompt, model and references. */
export const videoParamsSchema = z.object({
  duration: z
    .number({ error: messageKey("validation.videoDurationRequired") })
    .int(messageKey("validation.videoDurationWhole"))
    .min(videoLimits.minDurationSeconds, messageKey("validation.videoDurationRange"))
    .max(videoLimits.maxDurationSeconds, messageKey("validation.videoDurationRange")),
  aspectRatio: z.enum(aspectRatios, { error: messageKey("validation.videoAspectRatioRequired") }),
  resolution: z.enum(resolutions, { error: messageKey("validation.videoResolutionRequired") }),
  generateAudio: z.boolean(),
  /** null: the provider picks one. */
  seed: z
    .number({ error: messageKey("validation.videoSeedWhole") })
    .int(messageKey("validation.videoSeedWhole"))
    .min(videoLimits.minSeed, messageKey("validation.videoSeedRange"))
    .max(videoLimits.maxSeed, messageKey("validation.videoSeedRange"))
    .nullable(),
  returnLastFrame: z.boolean(),
});
export type VideoParams = z.infer<typeof videoParamsSchema>;

/** What the Generate form sends, and what the server checks before writing anything. */
export const videoRequestSchema = z
  .object({
    model: z.string().trim().min(1, "Choose a model.").max(128),
    prompt: z.string().max(videoLimits.promptMaxChars, `The prompt may be ${videoLimits.promptMaxChars} characters at most.`),
    references: z.array(videoReferenceSchema).max(50),
  })
  .extend(videoParamsSchema.shape)
  .superRefine((value, ctx) => {
    for (const violation of checkVideoRules(value)) ctx.addIssue({ code: "custom", path: [violation.field], message: violation.message });
  });
export type VideoRequest = z.infer<typeof videoRequestSchema>;
