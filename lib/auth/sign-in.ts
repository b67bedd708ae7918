"use server";

import { AuthError } from "next-auth";
import { actionClient } from "@/lib/safe-action";
import { signIn } from "@/lib/auth/next-auth";
import { signInSchema } from "@/lib/auth/sign-in.validation";
import { AppError } from "@/lib/errors";

/** Only same-site paths may be returned to after signing in. */
function safeCallback(url: string | undefined): string {
  return url && url.startsWith("/") && !url.startsWith("//") ? url : "/";
}

export const signInAction = actionClient.metadata({ actionName: "signIn" }).inputSchema(signInSchema).action(async ({ parsedInput }) => {
  try {
    await signIn("credentials", {
      email: parsedInput.email,
      password: parsedInput.password,
      redirectTo: safeCallback(parsedInput.callbackUrl),
    });
  } catch (error) {
    if (error instanceof AuthError) {
      const code = "code" in error ? String(error.code) : "";
      if (code === "too_many_attempts") {
        throw new AppError("RATE_LIMITED", "Too many failed sign-in attempts. Wait a minute and try again.");
      }
      throw new AppError("UNAUTHENTICATED", "The email or password is wrong.");
    }
    throw error; // the redirect after a successful sign-in travels as an exception
  }
});

export async function signOutAction(): Promise<void> {
  const { signOut } = await import("@/lib/auth/next-auth");
  await signOut({ redirectTo: "/sign-in" });
}
