import { z } from "zod";
import { messageKey } from "@/lib/i18n/message-key";

export const signInSchema = z.object({
  email: z.email(messageKey("auth.validation.emailInvalid")).trim().toLowerCase().max(320),
  password: z.string().min(1, messageKey("auth.validation.passwordRequired")).max(200, messageKey("auth.validation.passwordTooLong")),
  callbackUrl: z.string().max(4096).optional(),
});

/** The sign-in form posts FormData (with or without JavaScript); a plain object works too. */
export const signInFormSchema = z.preprocess(
  (value) =>
    value instanceof FormData
      ? {
          email: value.get("email") ?? undefined,
          password: value.get("password") ?? undefined,
          callbackUrl: value.get("callbackUrl") || undefined,
        }
      : value,
  signInSchema,
);
