"use client";

import { Languages } from "@/components/icons/languages";
import { useTranslations } from "next-intl";
import { LazyMenuButton } from "@/components/shell/lazy-menu-button";

const loadMenu = () => import("@/components/shell/language-menu").then((m) => m.default);

/** The language menu's button; the menu's code comes when the button is first used. */
export function LanguageToggle() {
  const t = useTranslations("shell");
  return (
    <LazyMenuButton label={t("language")} popup="menu" load={loadMenu}>
      <Languages aria-hidden />
    </LazyMenuButton>
  );
}
