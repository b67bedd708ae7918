import { z } from "zod";

export const retrySubmissionSchema = z.object({
  submissionId: z.string().trim().min(1),
  /** Required to resend a request whose first sending may have reached the provider. */
  resendUncertain: z.boolean().default(false),
});

export type RetrySubmissionInput = z.input<typeof retrySubmissionSchema>;
