import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { getSessionUser } from "@/lib/auth/session";
import { safeReturnPath } from "@/lib/auth/safe-return-path";
import { localeNames, locales } from "@/lib/i18n/locales";
import { savePreferencesFormAction } from "@/lib/users/save-preferences.action";
import { SignInForm } from "./sign-in-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth");
  return { title: t("title") };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  // A repeated callbackUrl arrives as an array; anything not a path of ours becomes "/".
  const params = await searchParams;
  const callbackUrl = safeReturnPath(params.callbackUrl);
  if (await getSessionUser()) redirect(callbackUrl);
  const [t, locale] = await Promise.all([getTranslations("auth"), getLocale()]);
  // The language choice comes back to this page with its query (the callbackUrl included).
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) for (const one of [value ?? []].flat()) query.append(name, one);
  const returnTo = query.size ? `/sign-in?${query}` : "/sign-in";
  return (
    <main className="flex min-h-dvh items-center justify-center bg-muted p-4">
      <Card className="w-full max-w-sm">
        <CardHeader>
          <CardTitle className="text-xl">Avatar Studio</CardTitle>
          <CardDescription>{t("description")}</CardDescription>
        </CardHeader>
        <CardContent>
          <SignInForm callbackUrl={callbackUrl} />
          {/* A plain form, so a signed-out visitor can switch language before JavaScript has loaded. */}
          <form action={savePreferencesFormAction} className="mt-6 flex items-center justify-center gap-1 text-xs" aria-label={t("language")} data-testid="sign-in-language">
            <input type="hidden" name="returnTo" value={returnTo} />
            {locales.map((value) => (
              <button
                key={value}
                type="submit"
                name="locale"
                value={value}
                lang={value === "zh" ? "zh-CN" : value}
                aria-current={value === locale ? "true" : undefined}
                className="rounded px-2 py-1 text-muted-foreground hover:text-foreground aria-[current=true]:font-medium aria-[current=true]:text-foreground"
              >
                {localeNames[value]}
              </button>
            ))}
          </form>
        </CardContent>
      </Card>
    </main>
  );
}
