import { after } from "next/server";
import { sendSubmission } from "@/lib/submissions/send-submission";
import { logger } from "@/lib/logger";

/**
 * Sends new submissions after the answer has gone back to the browser. If the process dies
 * first, the rows stay QUEUED and the worker sends them after its grace period.
 */
export function sendInBackground(submissionIds: string[], teamId: string): void {
  after(async () => {
    for (const id of submissionIds) {
      await sendSubmission(id, teamId).catch((error: unknown) => logger.error({ err: error, submissionId: id }, "submission left queued"));
    }
  });
}
