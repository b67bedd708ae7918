import { z } from "zod";

export const webhookEndpointIdSchema = z.object({ endpointId: z.string().trim().min(1).max(64) });
export const webhookDeliveryIdSchema = z.object({ deliveryId: z.string().trim().min(1).max(64) });

/** An endpoint's id posted by a form (FormData, with or without JavaScript) or passed as an object. */
export const webhookEndpointIdFormSchema = z.preprocess(
  (value) => (value instanceof FormData ? { endpointId: value.get("endpointId") ?? undefined } : value),
  webhookEndpointIdSchema,
);
