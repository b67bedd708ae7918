import { z } from "zod";
import { videoJobStatusFilters } from "@/lib/generation/video-job-states";

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => (v ? v : undefined));

/** The Jobs page's filters, as query parameters of `GET /api/video-jobs`. */
export const listVideoJobsQuerySchema = z.object({
  status: z.enum(Object.keys(videoJobStatusFilters) as [keyof typeof videoJobStatusFilters]).catch("all").default("all"),
  mine: z
    .enum(["1", "0", "true", "false"])
    .optional()
    .transform((v) => v === "1" || v === "true"),
  model: optionalText(128),
  q: optionalText(200),
  cursor: optionalText(64),
  limit: z.coerce.number().int().min(1).max(100).catch(20).default(20),
});
export type ListVideoJobsQuery = z.infer<typeof listVideoJobsQuerySchema>;
