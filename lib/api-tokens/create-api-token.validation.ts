import { z } from "zod";
import { tokenScopes } from "@/lib/api-tokens/token-scopes";
import { messageKey } from "@/lib/i18n/message-key";

/** Days a token may live at most; no expiry is allowed too. */
export const MAX_TOKEN_DAYS = 366;

export const createApiTokenSchema = z.object({
  name: z.string().trim().min(1, messageKey("validation.tokenNameRequired")).max(100, messageKey("validation.tokenNameTooLong")),
  scopes: z.array(z.enum(tokenScopes)).min(1, messageKey("validation.chooseScope")).max(3),
  /** Days until it expires; null: never. */
  expiresInDays: z
    .number()
    .int(messageKey("validation.wholeDays"))
    .min(1, messageKey("validation.tokenMinDays"))
    .max(MAX_TOKEN_DAYS, messageKey("validation.tokenMaxDays"))
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
