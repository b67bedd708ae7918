import { useFormatter, useNow, useTranslations } from "next-intl";
import { formatInLocale, type FormatTools } from "@/lib/i18n/format-in-locale";

/**
 * Dates, durations, counts and sizes in the user's language and time zone, for components
 * (client or server, not async). Async server code uses `getFormat()` (lib/i18n/get-format.ts).
 */
export function useFormat(): ReturnType<typeof formatInLocale> {
  const formatter = useFormatter();
  const t = useTranslations("format");
  const now = useNow({ updateInterval: 30_000 });
  return formatInLocale({ formatter, t: t as unknown as FormatTools["t"], now });
}
