"use server";

import { revalidatePath } from "next/cache";
import { redeliverWebhook } from "@/lib/webhooks/redeliver-webhook";
import { webhookDeliveryIdSchema } from "@/lib/webhooks/webhook-endpoint-id.validation";
import { permittedActionClient } from "@/lib/safe-action";

export const redeliverWebhookAction = permittedActionClient("manageSettings")
  .metadata({ actionName: "redeliverWebhook" })
  .inputSchema(webhookDeliveryIdSchema)
  .action(async ({ parsedInput, ctx }) => {
    await redeliverWebhook(ctx.user, parsedInput.deliveryId);
    revalidatePath("/settings/webhooks");
    return { queued: true };
  });
