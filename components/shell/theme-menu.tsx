"use client";

import { Monitor } from "@/components/icons/monitor";
import { Moon } from "@/components/icons/moon";
import { Sun } from "@/components/icons/sun";
import { useTranslations } from "next-intl";
import { DropdownMenu } from "radix-ui";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { MenuRadioItem } from "@/components/ui/menu-radio-item";
import { chooseTheme, readTheme, type ThemeChoice } from "@/lib/theme";

const choices = [
  { value: "light", icon: Sun },
  { value: "dark", icon: Moon },
  { value: "system", icon: Monitor },
] as const;

/**
 * The theme menu: Light, Dark or System. The button's name ("Theme") and markup are the same
 * on the server and in the browser; the icon of the theme in use is picked by CSS (the `dark`
 * class lib/theme.ts sets before the first paint), and the chosen item is only read when the
 * menu is open, after hydration. Loaded on first use (see `ThemeToggle`).
 */
export default function ThemeMenu({ defaultOpen }: { defaultOpen?: boolean }) {
  const t = useTranslations("shell");
  // Drawn in the browser only (loaded on first use), so the kept choice can be read at once.
  const [theme, setTheme] = useState<ThemeChoice>(readTheme);
  return (
    <DropdownMenu.Root defaultOpen={defaultOpen}>
      <DropdownMenu.Trigger asChild>
        <Button variant="outline" size="icon" aria-label={t("theme")} data-testid="theme-menu">
          <Sun className="dark:hidden" aria-hidden />
          <Moon className="hidden dark:block" aria-hidden />
        </Button>
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content align="end" sideOffset={6} className="z-50 min-w-36 rounded-md border border-border bg-card p-1 text-sm shadow-md">
          <DropdownMenu.Label className="px-2 py-1.5 text-xs font-medium text-muted-foreground">{t("theme")}</DropdownMenu.Label>
          <DropdownMenu.RadioGroup
            value={theme}
            onValueChange={(value) => {
              const choice = value as ThemeChoice;
              setTheme(choice);
              chooseTheme(choice);
            }}
          >
            {choices.map(({ value, icon: Icon }) => (
              <MenuRadioItem key={value} value={value}>
                <Icon className="size-4" aria-hidden />
                <span className="flex-1">{t(`themes.${value}`)}</span>
              </MenuRadioItem>
            ))}
          </DropdownMenu.RadioGroup>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
