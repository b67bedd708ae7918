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
  const t = createTranslator({ locale, messages: await loadMessages(locale), namespace: "errors" });
  if (!t.has(key)) return key;
  return (t as unknown as (key: string, values: MessageValues) => string)(key, values);
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
