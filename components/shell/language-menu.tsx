"use client";

import { Languages } from "@/components/icons/languages";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { DropdownMenu } from "radix-ui";
import { useTransition } from "react";
import { toast } from "@/components/ui/toast";
import { Button } from "@/components/ui/button";
import { MenuRadioItem } from "@/components/ui/menu-radio-item";
import { localeNames, locales } from "@/lib/i18n/locales";
import { savePreferencesAction } from "@/lib/users/save-preferences.action";

/**
 * The language menu: the choice is saved on the user and the same page comes back in the new
 * language, its filters kept (only the server's words change; the URL stays). Loaded on first
 * use (see `LanguageToggle`); without JavaScript the preferences page does the same job.
 */
export default function LanguageMenu({ defaultOpen }: { defaultOpen?: boolean }) {
  const t = useTranslations("shell");
  const locale = useLocale();
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [pending, startTransition] = useTransition();
  const choose = (next: string) => {
    if (next === locale) return;
    startTransition(async () => {
      const result = await savePreferencesAction({ locale: next as (typeof locales)[number] });
      if (result?.serverError) {
        toast.error(result.serverError);
        return;
      }
      const query = searchParams.toString();
      router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false });
      router.refresh();
    });
  };
  return (
    <DropdownMenu.Root defaultOpen={defaultOpen}>
      <DropdownMenu.Trigger asChild>
        <Button variant="outline" size="icon" aria-label={t("language")} data-testid="language-menu" disabled={pending}>
          <Languages aria-hidden />
        </Button>
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content align="end" sideOffset={6} className="z-50 min-w-36 rounded-md border border-border bg-card p-1 text-sm shadow-md">
          <DropdownMenu.Label className="px-2 py-1.5 text-xs font-medium text-muted-foreground">{t("language")}</DropdownMenu.Label>
          <DropdownMenu.RadioGroup value={locale} onValueChange={choose}>
            {locales.map((value) => (
              <MenuRadioItem key={value} value={value} lang={value === "zh" ? "zh-CN" : value}>
                <span className="flex-1">{localeNames[value]}</span>
              </MenuRadioItem>
            ))}
          </DropdownMenu.RadioGroup>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
