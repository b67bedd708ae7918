"use server";

import { revalidatePath } from "next/cache";
import { isAppError } from "@/lib/errors";
import { describeAppError } from "@/lib/i18n/error-message";
import { permittedActionClient } from "@/lib/safe-action";
import { rotateWebhookSecret } from "@/lib/webhooks/rotate-webhook-secret";
import { webhookEndpointIdFormSchema } from "@/lib/webhooks/webhook-endpoint-id.validation";

/** What the rotate form shows: the new secret (once) and until when the old one still signs, or why not. */
export type RotateWebhookSecretState = { rotated?: Awaited<ReturnType<typeof rotateWebhookSecret>>; error?: string };

/**
 * Admins rotate an endpoint's signing secret. A stateful action (React's useActionState), so the
 * button is a real POST form that works before JavaScript has loaded.
 */
export const rotateWebhookSecretAction = permittedActionClient("manageSettings")
  .metadata({ actionName: "rotateWebhookSecret" })
  .inputSchema(webhookEndpointIdFormSchema)
  .stateAction<RotateWebhookSecretState>(async ({ parsedInput, ctx }) => {
    try {
      const rotated = await rotateWebhookSecret(ctx.user, parsedInput.endpointId);
      revalidatePath("/settings/webhooks");
      return { rotated };
    } catch (error) {
      if (isAppError(error)) return { error: await describeAppError(error) };
      throw error;
    }
  });
