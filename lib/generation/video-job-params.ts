import { z } from "zod";
import { videoParamsSchema } from "@/lib/generation/video-request-schema";
import { providerDefaultParams } from "@/lib/generation/video-rules";

/** What VideoJob.params holds. Browser-safe. */
export const videoJobParamsSchema = videoParamsSchema.extend({
  /** How the job was started: the Generate form, one click on an approved avatar, or Retry. */
  source: z.enum(["form", "one-click", "retry", "api"]).default("form"),
  /** The failed job this one retries. */
  retryOfId: z.string().optional(),
});
export type VideoJobParams = z.infer<typeof videoJobParamsSchema>;

/** A stored job's params; a row written by an older version falls back field by field. */
export function readVideoJobParams(json: unknown): VideoJobParams {
  const parsed = videoJobParamsSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  const raw = json && typeof json === "object" ? (json as Record<string, unknown>) : {};
  const out: Record<string, unknown> = { ...providerDefaultParams, source: "form" };
  for (const [key, schema] of Object.entries(videoJobParamsSchema.shape)) {
    const field = (schema as z.ZodType).safeParse(raw[key]);
    if (field.success && field.data !== undefined) out[key] = field.data;
  }
  return videoJobParamsSchema.parse(out);
}
