import type { AbstractIntlMessages } from "next-intl";
import type { Locale } from "@/lib/i18n/locales";
import { namespaces } from "@/lib/i18n/namespaces";

/** One language's whole catalogue, each namespace from its own file. */
export async function loadMessages(locale: Locale): Promise<AbstractIntlMessages> {
  const entries = await Promise.all(
    namespaces.map(async (namespace) => {
      const file = (await import(`../../messages/${locale}/${namespace}.json`)) as { default: AbstractIntlMessages };
      return [namespace, file.default] as const;
    }),
  );
  return Object.fromEntries(entries);
}
