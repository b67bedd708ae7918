import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { getSessionUser } from "@/lib/auth/session";
import { formats } from "@/lib/i18n/formats";
import { loadMessages } from "@/lib/i18n/load-messages";
import { chooseLocale, isTimeZone, localeCookie } from "@/lib/i18n/locales";

/**
 * The language and time zone of one request (next-intl's request config): the signed-in
 * user's saved choices, else the language cookie and the browser's `Accept-Language`, and UTC
 * until the browser has told us its zone.
 */
export default getRequestConfig(async () => {
  const [user, cookieStore, headerList] = await Promise.all([getSessionUser().catch(() => null), cookies(), headers()]);
  const locale = chooseLocale(user?.locale, cookieStore.get(localeCookie)?.value, headerList.get("accept-language"));
  const timeZone = isTimeZone(user?.timeZone) ? user.timeZone : "UTC";
  return { locale, timeZone, formats, messages: await loadMessages(locale) };
});
