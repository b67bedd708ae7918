import "server-only";
import { getFormatter, getNow, getTranslations } from "next-intl/server";
import { formatInLocale, type FormatTools } from "@/lib/i18n/format-in-locale";

/** `useFormat()` for async server components, route handlers and server actions. */
export async function getFormat(): Promise<ReturnType<typeof formatInLocale>> {
  const [formatter, t, now] = await Promise.all([getFormatter(), getTranslations("format"), getNow()]);
  return formatInLocale({ formatter, t: t as unknown as FormatTools["t"], now });
}
