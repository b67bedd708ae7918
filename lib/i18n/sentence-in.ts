import { createTranslator } from "next-intl";
import type { MessageValues } from "@/lib/errors";
import { loadMessages } from "@/lib/i18n/load-messages";
import type { Locale } from "@/lib/i18n/locales";
import { requestLocale } from "@/lib/i18n/error-message";
import type { Sentence } from "@/lib/i18n/sentence";

type Translate = ((key: string, values?: MessageValues) => string) & { has: (key: string) => boolean };

/**
 * A function that puts sentences into `locale`'s words, for server code that renders many
 * (a list of jobs, an export). A key the catalogue lacks is returned as it is; `namespace`
 * is tried first for a bare key ("generic" in `errors`).
 */
export async function sentencesIn(locale: Locale, namespace?: string): Promise<(s: Sentence) => string> {
  const t = createTranslator({ locale, messages: await loadMessages(locale) }) as unknown as Translate;
  return (s) => {
    if (namespace && t.has(`${namespace}.${s.key}`)) return t(`${namespace}.${s.key}`, s.values);
    if (s.key.includes(".") && t.has(s.key)) return t(s.key, s.values);
    return s.key;
  };
}

/** One sentence in `locale`'s words. */
export async function sentenceIn(locale: Locale, s: Sentence): Promise<string> {
  return (await sentencesIn(locale))(s);
}

/**
 * A stored failure (a bare `errors` key, a whole key such as "videoFailures.expired", or an
 * older row's sentence) in the words of `locale`, by default the request's language.
 */
export async function describeStored(s: Sentence, locale?: Locale): Promise<string> {
  return (await sentencesIn(locale ?? (await requestLocale()), "errors"))(s);
}
