import { z } from "zod";

export const retryVideoJobSchema = z.object({ jobId: z.string().trim().min(1).max(64) });
