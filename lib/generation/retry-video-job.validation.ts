import { z } from "zod";

export const retryVideoJobSchema = z.object({
  jobId: z.string().trim().min(1).max(64),
  /** For a job whose answer was lost where the provider does not honour request keys: send it again knowingly. */
  resendUncertain: z.boolean().optional(),
});
