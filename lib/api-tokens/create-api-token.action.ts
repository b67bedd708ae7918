"use server";

import { revalidatePath } from "next/cache";
import { createApiToken } from "@/lib/api-tokens/create-api-token";
import { type CreateApiTokenInput, createApiTokenFormSchema } from "@/lib/api-tokens/create-api-token.validation";
import { isAppError } from "@/lib/errors";
import { describeAppError } from "@/lib/i18n/error-message";
import { authActionClient } from "@/lib/safe-action";

/** What the token form shows after a try: the new token (once), or why none was made. */
export type CreateApiTokenState = { created?: Awaited<ReturnType<typeof createApiToken>>; error?: string; values?: CreateApiTokenInput };

/**
 * A new personal access token for the signed-in member (every role); the secret comes back
 * once. A stateful action (React's useActionState), so the form is a real POST form that works
 * before JavaScript has loaded: the page comes back with the token shown, or the refusal.
 */
export const createApiTokenAction = authActionClient
  .metadata({ actionName: "createApiToken" })
  .inputSchema(createApiTokenFormSchema)
  .stateAction<CreateApiTokenState>(async ({ parsedInput, ctx }) => {
    try {
      const created = await createApiToken({ id: ctx.user.id, teamId: ctx.user.teamId }, parsedInput);
      revalidatePath("/api-tokens");
      return { created };
    } catch (error) {
      // An expected refusal is returned, not thrown, so the form keeps what was typed.
      if (isAppError(error)) return { error: await describeAppError(error), values: parsedInput };
      throw error;
    }
  });
