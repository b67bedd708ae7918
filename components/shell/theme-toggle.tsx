"use client";

import { Moon } from "@/components/icons/moon";
import { Sun } from "@/components/icons/sun";
import { useTranslations } from "next-intl";
import { LazyMenuButton } from "@/components/shell/lazy-menu-button";

const loadMenu = () => import("@/components/shell/theme-menu").then((m) => m.default);

/**
 * The theme menu's button (Light / Dark / System): the same markup on the server and in the
 * browser, whatever the theme; CSS shows the icon of the theme in use. The menu's code comes
 * when the button is first used.
 */
export function ThemeToggle() {
  const t = useTranslations("shell");
  return (
    <LazyMenuButton label={t("theme")} popup="menu" load={loadMenu}>
      <Sun className="dark:hidden" aria-hidden />
      <Moon className="hidden dark:block" aria-hidden />
    </LazyMenuButton>
  );
}
