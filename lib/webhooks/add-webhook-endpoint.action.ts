"use server";

import { revalidatePath } from "next/cache";
import { isAppError } from "@/lib/errors";
import { describeAppError } from "@/lib/i18n/error-message";
import { addWebhookEndpoint } from "@/lib/webhooks/add-webhook-endpoint";
import { addWebhookEndpointFormSchema } from "@/lib/webhooks/add-webhook-endpoint.validation";
import { permittedActionClient } from "@/lib/safe-action";

/** What the endpoint form shows after a try: the signing secret (once), or why the endpoint was refused, with what was typed. */
export type AddWebhookEndpointState = {
  created?: Awaited<ReturnType<typeof addWebhookEndpoint>>;
  error?: string;
  values?: { url: string; description?: string; events: string[] };
};

/**
 * Admins add a webhook endpoint; its signing secret comes back once. A stateful action
 * (React's useActionState), so the form works before JavaScript has loaded.
 */
export const addWebhookEndpointAction = permittedActionClient("manageSettings")
  .metadata({ actionName: "addWebhookEndpoint" })
  .inputSchema(addWebhookEndpointFormSchema)
  .stateAction<AddWebhookEndpointState>(async ({ parsedInput, ctx }) => {
    try {
      const created = await addWebhookEndpoint(ctx.user, parsedInput);
      revalidatePath("/settings/webhooks");
      return { created };
    } catch (error) {
      // A refused URL (the outbound guard) is returned with what was typed, so nothing is lost.
      if (isAppError(error)) return { error: await describeAppError(error), values: parsedInput };
      throw error;
    }
  });
