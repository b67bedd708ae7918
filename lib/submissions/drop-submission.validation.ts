import { z } from "zod";

export const dropSubmissionSchema = z.object({ submissionId: z.string().trim().min(1) });
export type DropSubmissionInput = z.input<typeof dropSubmissionSchema>;
