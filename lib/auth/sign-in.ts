"use server";

import { AuthError } from "next-auth";
import { actionClient } from "@/lib/safe-action";
import { signIn } from "@/lib/auth/next-auth";
import { safeReturnPath } from "@/lib/auth/safe-return-path";
import { messageKey } from "@/lib/i18n/message-key";
import { signInFormSchema } from "@/lib/auth/sign-in.validation";

/**
 * What the form shows after a try that did not sign in: the email typed, and the reason as a
 * key of the `auth` catalogue with its values (the form says it in the user's language).
 */
export type SignInState = { email?: string; error?: { key: string; values?: { minutes: number } } };

/**
 * The sign-in form's action. It is a stateful action (React's useActionState), so the form
 * is a real POST form that works before JavaScript has loaded: the browser posts the fields
 * to the page, never in a URL, and the page comes back with the error, or redirects.
 */
export const signInAction = actionClient.metadata({ actionName: "signIn" }).inputSchema(signInFormSchema).stateAction<SignInState>(async ({ parsedInput }) => {
  try {
    await signIn("credentials", {
      email: parsedInput.email,
      password: parsedInput.password,
      redirectTo: safeReturnPath(parsedInput.callbackUrl),
    });
  } catch (error) {
    if (error instanceof AuthError) {
      const code = "code" in error ? String(error.code) : "";
      const minutes = /^too_many_attempts:(\d+)$/.exec(code)?.[1];
      // Expected outcomes are returned, not thrown, so the form keeps the email typed.
      if (minutes) {
        return { email: parsedInput.email, error: { key: messageKey("auth.tooManyAttempts"), values: { minutes: Number(minutes) } } };
      }
      return { email: parsedInput.email, error: { key: messageKey("auth.wrongCredentials") } };
    }
    throw error; // the redirect after a successful sign-in travels as an exception
  }
  return {};
});

export async function signOutAction(): Promise<void> {
  const { signOut } = await import("@/lib/auth/next-auth");
  await signOut({ redirectTo: "/sign-in" });
}
