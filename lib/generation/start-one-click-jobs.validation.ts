import { z } from "zod";

export const startOneClickJobsSchema = z.object({
  assetIds: z
    .array(z.string().trim().min(1).max(64))
    .min(1, "Choose at least one avatar.")
    .max(50, "Start at most 50 videos at once.")
    .transform((ids) => [...new Set(ids)]),
});
