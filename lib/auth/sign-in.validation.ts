import { z } from "zod";

export const signInSchema = z.object({
  email: z.email("Enter a valid email address.").trim().toLowerCase().max(320),
  password: z.string().min(1, "Enter your password.").max(200, "That password is too long."),
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
