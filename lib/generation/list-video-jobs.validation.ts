import { z } from "zod";
import { defaultVideoJobStatusFilter, meansMine, mineValues, videoJobFilterMaxChars, videoJobStatusFilterKeys } from "@/lib/generation/video-job-filters";

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => (v ? v : undefined));

/**
 * The Jobs page's filters, as query parameters of `GET /api/video-jobs`, on the lists and limits
 * of video-job-filters.ts (which the page's URL state reads with).
 */
export const listVideoJobsQuerySchema = z.object({
  status: z.enum(videoJobStatusFilterKeys).catch(defaultVideoJobStatusFilter).default(defaultVideoJobStatusFilter),
  mine: z.enum(mineValues).optional().transform(meansMine),
  model: optionalText(videoJobFilterMaxChars.model),
  q: optionalText(videoJobFilterMaxChars.q),
  cursor: optionalText(64),
  limit: z.coerce.number().int().min(1).max(100).catch(20).default(20),
});
export type ListVideoJobsQuery = z.infer<typeof listVideoJobsQuerySchema>;
