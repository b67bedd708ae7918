/**
 * The languages the product speaks, and how a request's language is chosen when the user has
 * not chosen one. Browser-safe.
 */
export const locales = ["en", "zh"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "en";

/** Each language's name in itself, for the language menu. */
export const localeNames: Record<Locale, string> = { en: "English", zh: "简体中文" };

/** The cookie that carries a choice made before sign-in (and mirrors the saved one after). */
export const localeCookie = "locale";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

/**
 * The best of our languages for an `Accept-Language` header ("zh-CN,zh;q=0.9,en;q=0.8"):
 * highest weight first, a region ("zh-TW") matching its language; English when none match.
 */
export function negotiateLocale(acceptLanguage: string | null | undefined): Locale {
  if (!acceptLanguage) return defaultLocale;
  const ranked = acceptLanguage
    .split(",")
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const weight = q ? Number(q.slice(2)) : 1;
      return { language: (tag ?? "").trim().toLowerCase().split("-")[0], weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((entry) => entry.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  return ranked.find((entry) => isLocale(entry.language))?.language as Locale | undefined ?? defaultLocale;
}

/** The language to speak: the user's choice, else the cookie, else the browser's header. */
export function chooseLocale(saved: string | null | undefined, cookie: string | null | undefined, acceptLanguage: string | null | undefined): Locale {
  if (isLocale(saved)) return saved;
  if (isLocale(cookie)) return cookie;
  return negotiateLocale(acceptLanguage);
}

/** True for a zone name the runtime knows ("Asia/Shanghai", "UTC"). */
export function isTimeZone(value: unknown): value is string {
  if (typeof value !== "string" || value.length === 0 || value.length > 64) return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}
