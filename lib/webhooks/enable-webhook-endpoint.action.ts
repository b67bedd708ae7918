"use server";

import { revalidatePath } from "next/cache";
import { enableWebhookEndpoint } from "@/lib/webhooks/enable-webhook-endpoint";
import { webhookEndpointIdSchema } from "@/lib/webhooks/webhook-endpoint-id.validation";
import { permittedActionClient } from "@/lib/safe-action";

export const enableWebhookEndpointAction = permittedActionClient("manageSettings")
  .metadata({ actionName: "enableWebhookEndpoint" })
  .inputSchema(webhookEndpointIdSchema)
  .action(async ({ parsedInput, ctx }) => {
    await enableWebhookEndpoint(ctx.user, parsedInput.endpointId);
    revalidatePath("/settings/webhooks");
    return { enabled: true };
  });
