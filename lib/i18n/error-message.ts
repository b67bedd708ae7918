import { createTranslator } from "next-intl";
import { getLocale } from "next-intl/server";
import { AppError, GENERIC_ERROR_KEY, type MessageValues } from "@/lib/errors";
import { loadMessages } from "@/lib/i18n/load-messages";
import { messageKey } from "@/lib/i18n/message-key";
import { defaultLocale, isLocale, type Locale } from "@/lib/i18n/locales";

/** The language of the request being answered; English outside a request (the worker, scripts). */
export async function requestLocale(): Promise<Locale> {
  try {
    const locale = await getLocale();
    return isLocale(locale) ? locale : defaultLocale;
  } catch {
    return defaultLocale;
  }
}

/**
 * A sentence of the `errors` catalogue in `locale`. A key the catalogue lacks is returned as
 * given (a provider's own words, passed through on purpose).
 */
export async function errorSentence(key: string, values: MessageValues, locale: Locale): Promise<string> {
  const messages = await loadMessages(locale);
  const t = createTranslator({ locale, messages, namespace: "errors" });
  if (!t.has(key)) return key;
  // A value may itself be a whole catalogue key (a schema's "validation.nameRequired"): in words too.
  const whole = createTranslator({ locale, messages }) as unknown as ((key: string) => string) & { has: (key: string) => boolean };
  const worded = Object.fromEntries(
    Object.entries(values).map(([name, value]) => [name, typeof value === "string" && /^[a-z]\w*\.\w[\w.]*$/.test(value) && whole.has(value) ? whole(value) : value]),
  );
  return (t as unknown as (key: string, values: MessageValues) => string)(key, worded);
}

/** An AppError in the words of the request's language (or `locale`). */
export async function describeAppError(error: AppError, locale?: Locale): Promise<string> {
  return errorSentence(error.key, error.values, locale ?? (await requestLocale()));
}

// The catalogue's sentence for GENERIC_ERROR_KEY.
messageKey("errors.generic");

/** What the user reads for a failure we did not expect: a generic sentence and the request id. */
export async function describeUnexpected(requestId: string, locale?: Locale): Promise<string> {
  return errorSentence(GENERIC_ERROR_KEY, { ref: requestId }, locale ?? (await requestLocale()));
}
