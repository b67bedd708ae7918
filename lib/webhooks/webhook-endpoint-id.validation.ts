import { z } from "zod";

export const webhookEndpointIdSchema = z.object({ endpointId: z.string().trim().min(1).max(64) });
export const webhookDeliveryIdSchema = z.object({ deliveryId: z.string().trim().min(1).max(64) });
