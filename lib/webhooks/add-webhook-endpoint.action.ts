"use server";

import { revalidatePath } from "next/cache";
import { addWebhookEndpoint } from "@/lib/webhooks/add-webhook-endpoint";
import { addWebhookEndpointSchema } from "@/lib/webhooks/add-webhook-endpoint.validation";
import { permittedActionClient } from "@/lib/safe-action";

/** Admins add a webhook endpoint; its signing secret comes back once. */
export const addWebhookEndpointAction = permittedActionClient("manageSettings")
  .metadata({ actionName: "addWebhookEndpoint" })
  .inputSchema(addWebhookEndpointSchema)
  .action(async ({ parsedInput, ctx }) => {
    const created = await addWebhookEndpoint(ctx.user, parsedInput);
    revalidatePath("/settings/webhooks");
    return created;
  });
