import { z } from "zod";

/** The events a webhook endpoint may subscribe to. */
export const webhookEventTypes = ["review.finished", "asset.approved", "asset.rejected", "video.succeeded", "video.failed"] as const;
export const webhookEventTypeSchema = z.enum(webhookEventTypes);
export type WebhookEventType = z.infer<typeof webhookEventTypeSchema>;

export const webhookEventLabels: Record<WebhookEventType, string> = {
  "review.finished": "Review finished (a submission's verdicts are all in)",
  "asset.approved": "Asset approved",
  "asset.rejected": "Asset rejected",
  "video.succeeded": "Video succeeded",
  "video.failed": "Video failed",
};
