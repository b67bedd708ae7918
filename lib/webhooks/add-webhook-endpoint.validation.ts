import { z } from "zod";
import { webhookEventTypeSchema } from "@/lib/webhooks/webhook-events";

export const addWebhookEndpointSchema = z.object({
  url: z
    .string()
    .trim()
    .min(1, "Give the endpoint's URL.")
    .max(2048, "A URL may be at most 2048 characters.")
    .regex(/^https?:\/\/\S+$/i, "Give an http(s) URL."),
  description: z.string().trim().max(200, "At most 200 characters.").optional(),
  events: z.array(webhookEventTypeSchema).min(1, "Choose at least one event."),
});

/** The form posts FormData (with or without JavaScript): `events` repeated. */
export const addWebhookEndpointFormSchema = z.preprocess(
  (value) =>
    value instanceof FormData
      ? { url: value.get("url") ?? undefined, description: value.get("description") || undefined, events: value.getAll("events") }
      : value,
  addWebhookEndpointSchema,
);
