import { z } from "zod";
import { messageKey } from "@/lib/i18n/message-key";
import { isTimeZone, locales } from "@/lib/i18n/locales";

/** A person's language and time zone; either may come alone. */
export const savePreferencesSchema = z.object({
  locale: z.enum(locales, messageKey("validation.localeUnknown")).optional(),
  timeZone: z.string().refine(isTimeZone, messageKey("validation.timeZoneUnknown")).optional(),
  /** Where the form was, to go back to it (a same-origin path). */
  returnTo: z.string().max(2048).optional(),
});

/** The preferences forms post FormData (with or without JavaScript); a plain object works too. */
export const savePreferencesFormSchema = z.preprocess(
  (value) =>
    value instanceof FormData
      ? {
          locale: value.get("locale") || undefined,
          timeZone: value.get("timeZone") || undefined,
          returnTo: value.get("returnTo") || undefined,
        }
      : value,
  savePreferencesSchema,
);

export type SavePreferencesInput = z.infer<typeof savePreferencesSchema>;
