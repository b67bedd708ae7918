import { z } from "zod";
import { tokenScopeSchema } from "@/lib/api-tokens/token-scopes";

/** Days a token may live at most; no expiry is allowed too. */
export const MAX_TOKEN_DAYS = 366;

export const createApiTokenSchema = z.object({
  name: z.string().trim().min(1, "Give the token a name.").max(100, "The name may be at most 100 characters."),
  scopes: z.array(tokenScopeSchema).min(1, "Choose at least one scope.").max(3),
  /** Days until it expires; null: never. */
  expiresInDays: z
    .number()
    .int("Whole days only.")
    .min(1, "A token lives at least one day.")
    .max(MAX_TOKEN_DAYS, `A token lives at most ${MAX_TOKEN_DAYS} days.`)
    .nullable(),
});
export type CreateApiTokenInput = z.output<typeof createApiTokenSchema>;

/** The form posts FormData (with or without JavaScript): `scopes` repeated, `expiresInDays` a number of days or "never". */
export const createApiTokenFormSchema = z.preprocess((value) => {
  if (!(value instanceof FormData)) return value;
  const expiry = value.get("expiresInDays");
  return {
    name: value.get("name") ?? undefined,
    scopes: value.getAll("scopes"),
    expiresInDays: expiry === null || expiry === "" || expiry === "never" ? null : Number(expiry),
  };
}, createApiTokenSchema);
