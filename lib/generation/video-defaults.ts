import { z } from "zod";
import { type VideoParams, videoParamsSchema } from "@/lib/generation/video-request-schema";
import { providerDefaultParams } from "@/lib/generation/video-rules";

/**
 * A team's defaults for one-click generation (TeamSettings.defaultPrompt and
 * defaultVideoParams). Whatever is unset or unreadable falls back to the provider's defaults
 * and the first configured model. Server code (it reads with zod): browser code imports only
 * its types.
 */

export const fallbackPrompt = "The avatar looks into the camera, smiles and waves hello.";

export const storedVideoDefaultsSchema = videoParamsSchema.partial().extend({
  /** null or absent: the first model in the team's list. */
  model: z.string().trim().min(1).max(128).nullable().optional(),
});
export type StoredVideoDefaults = z.infer<typeof storedVideoDefaultsSchema>;

export type VideoDefaults = VideoParams & { model: string | null; prompt: string };

/** Field by field, so that one bad value does not lose the others. */
export function readVideoDefaults(json: unknown, prompt: string | null | undefined): VideoDefaults {
  const raw = json && typeof json === "object" && !Array.isArray(json) ? (json as Record<string, unknown>) : {};
  const p = videoParamsSchema.shape;
  const d = providerDefaultParams;
  const field = <T>(schema: z.ZodType<T>, value: unknown, fallback: T): T => {
    const parsed = schema.safeParse(value);
    return parsed.success && parsed.data !== undefined && parsed.data !== null ? parsed.data : fallback;
  };
  return {
    model: field(z.string().trim().min(1).max(128), raw.model, null as string | null),
    prompt: prompt?.trim() ? prompt : fallbackPrompt,
    duration: field(p.duration, raw.duration, d.duration),
    aspectRatio: field(p.aspectRatio, raw.aspectRatio, d.aspectRatio),
    resolution: field(p.resolution, raw.resolution, d.resolution),
    generateAudio: field(p.generateAudio, raw.generateAudio, d.generateAudio),
    seed: field(p.seed, raw.seed, d.seed),
    returnLastFrame: field(p.returnLastFrame, raw.returnLastFrame, d.returnLastFrame),
  };
}

/** The model to use: the saved default when it is still offered, else the first offered. */
export function pickModel(preferred: string | null | undefined, models: readonly string[]): string {
  if (preferred && models.includes(preferred)) return preferred;
  return models[0] ?? preferred ?? "";
}

/** The video parameters of the defaults, without the model and prompt. */
export function paramsFromDefaults(defaults: VideoDefaults): VideoParams {
  return {
    duration: defaults.duration,
    aspectRatio: defaults.aspectRatio,
    resolution: defaults.resolution,
    generateAudio: defaults.generateAudio,
    seed: defaults.seed,
    returnLastFrame: defaults.returnLastFrame,
  };
}
