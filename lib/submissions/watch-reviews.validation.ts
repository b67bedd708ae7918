import { z } from "zod";

/** `GET /api/submissions/watch?since=<ISO time>`: reviews that ended after the last read. */
export const watchReviewsQuerySchema = z.object({
  since: z.iso.datetime().optional().catch(undefined),
});
export type WatchReviewsQuery = z.infer<typeof watchReviewsQuerySchema>;
