import { z } from "zod";
import { webhookEventTypes } from "@/lib/webhooks/webhook-events";
import { messageKey } from "@/lib/i18n/message-key";

export const addWebhookEndpointSchema = z.object({
  url: z
    .string()
    .trim()
    .min(1, messageKey("validation.endpointUrlRequired"))
    .max(2048, messageKey("validation.urlTooLong2048"))
    .regex(/^https?:\/\/\S+$/i, messageKey("validation.giveHttpUrl")),
  description: z.string().trim().max(200, messageKey("validation.atMost200")).optional(),
  events: z.array(z.enum(webhookEventTypes)).min(1, messageKey("validation.chooseEvent")),
});

/** The form posts FormData (with or without JavaScript): `events` repeated. */
export const addWebhookEndpointFormSchema = z.preprocess(
  (value) =>
    value instanceof FormData
      ? { url: value.get("url") ?? undefined, description: value.get("description") || undefined, events: value.getAll("events") }
      : value,
  addWebhookEndpointSchema,
);
