/**
 * The events a webhook endpoint may subscribe to. Browser-safe (no validation library): the
 * form lists these; the schema is in add-webhook-endpoint.validation.ts.
 */
export const webhookEventTypes = ["review.finished", "asset.approved", "asset.rejected", "video.succeeded", "video.failed"] as const;
export type WebhookEventType = (typeof webhookEventTypes)[number];

export const webhookEventLabels: Record<WebhookEventType, string> = {
  "review.finished": "Review finished (a submission's verdicts are all in)",
  "asset.approved": "Asset approved",
  "asset.rejected": "Asset rejected",
  "video.succeeded": "Video succeeded",
  "video.failed": "Video failed",
};
