"use server";

import { revalidatePath } from "next/cache";
import { removeWebhookEndpoint } from "@/lib/webhooks/remove-webhook-endpoint";
import { webhookEndpointIdSchema } from "@/lib/webhooks/webhook-endpoint-id.validation";
import { permittedActionClient } from "@/lib/safe-action";

export const removeWebhookEndpointAction = permittedActionClient("manageSettings")
  .metadata({ actionName: "removeWebhookEndpoint" })
  .inputSchema(webhookEndpointIdSchema)
  .action(async ({ parsedInput, ctx }) => {
    await removeWebhookEndpoint(ctx.user, parsedInput.endpointId);
    revalidatePath("/settings/webhooks");
    return { removed: true };
  });
