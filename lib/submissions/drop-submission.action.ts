"use server";

import { authActionClient } from "@/lib/safe-action";
import { dropSubmission } from "@/lib/submissions/drop-submission";
import { dropSubmissionSchema } from "@/lib/submissions/drop-submission.validation";

/** "Drop" on a submission that was not sent or whose answer was lost (see dropSubmission). */
export const dropSubmissionAction = authActionClient
  .metadata({ actionName: "dropSubmission" }).inputSchema(dropSubmissionSchema)
  .action(async ({ parsedInput, ctx }) => dropSubmission(parsedInput, ctx.user));
