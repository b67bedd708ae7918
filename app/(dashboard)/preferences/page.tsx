import type { Metadata } from "next";
import { getLocale, getTimeZone, getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/require-page-user";
import { getFormat } from "@/lib/i18n/get-format";
import { localeNames, locales } from "@/lib/i18n/locales";
import { savePreferencesFormAction } from "@/lib/users/save-preferences.action";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("preferences");
  return { title: t("title") };
}

const selectClass =
  "h-10 w-full max-w-sm rounded-md border border-input bg-background px-3 text-sm focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none";

/**
 * The user's language and time zone: a plain form (it works before JavaScript has loaded);
 * saving comes back here with the page in the new language and zone.
 */
export default async function PreferencesPage({ searchParams }: { searchParams: Promise<{ saved?: string }> }) {
  const [user, t, locale, timeZone, format, { saved }] = await Promise.all([
    requirePageUser(),
    getTranslations("preferences"),
    getLocale(),
    getTimeZone(),
    getFormat(),
    searchParams,
  ]);
  const zones = Intl.supportedValuesOf("timeZone");
  if (!zones.includes(timeZone)) zones.unshift(timeZone);
  return (
    <div className="max-w-3xl">
      <PageHeader title={t("title")} description={t("description")} />
      {saved ? (
        <p role="status" className="mb-4 rounded-md border border-border bg-muted px-4 py-2 text-sm" data-testid="preferences-saved">
          {t("saved")}
        </p>
      ) : null}
      <Card>
        <CardHeader>
          <CardTitle>{t("formTitle")}</CardTitle>
          <CardDescription>{t("now", { time: format.dateTimeWithZone(new Date()) })}</CardDescription>
        </CardHeader>
        <CardContent>
          <form action={savePreferencesFormAction} className="grid gap-5">
            <input type="hidden" name="returnTo" value="/preferences?saved=1" />
            <div className="grid gap-2">
              <label htmlFor="locale" className="text-sm font-medium">
                {t("language")}
              </label>
              <select id="locale" name="locale" defaultValue={user.locale ?? locale} className={selectClass} data-testid="preferences-locale">
                {locales.map((value) => (
                  <option key={value} value={value} lang={value === "zh" ? "zh-CN" : value}>
                    {localeNames[value]}
                  </option>
                ))}
              </select>
              <p className="text-xs text-muted-foreground">{user.locale ? t("languageSaved") : t("languageFromBrowser")}</p>
            </div>
            <div className="grid gap-2">
              <label htmlFor="timeZone" className="text-sm font-medium">
                {t("timeZone")}
              </label>
              <select id="timeZone" name="timeZone" defaultValue={timeZone} className={selectClass} data-testid="preferences-time-zone">
                {zones.map((zone) => (
                  <option key={zone} value={zone}>
                    {zone.replaceAll("_", " ")}
                  </option>
                ))}
              </select>
              <p className="text-xs text-muted-foreground">{t("timeZoneHelp")}</p>
            </div>
            <div>
              <Button type="submit" data-testid="preferences-save">
                {t("save")}
              </Button>
            </div>
          </form>
        </CardContent>
      </Card>
    </div>
  );
}
