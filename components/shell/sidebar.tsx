"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { usePathname } from "next/navigation";
import { useCallback } from "react";
import { Button } from "@/components/ui/button";
import { LazyMenuButton } from "@/components/shell/lazy-menu-button";
import { LanguageToggle } from "@/components/shell/language-toggle";
import { ThemeToggle } from "@/components/shell/theme-toggle";
import { navItems, type ShellIcons } from "@/components/shell/nav-items";
import { can } from "@/lib/auth/roles";
import { signOutAction } from "@/lib/auth/sign-in";
import type { Role } from "@/lib/generated/prisma/enums";
import { cn } from "@/lib/utils";
import { displayName } from "@/lib/users/display-name";

type User = { email: string; name: string | null; role: Role; teamName: string };

/**
 * The app's navigation: a column beside the page from md up; on a phone, a menu button that
 * opens the same navigation as a modal sheet (`mobile-menu.tsx`, loaded on first use): while
 * closed it is not in the page at all, while open focus stays inside it, and Esc or a tap
 * outside closes it.
 */
export function Sidebar({ user, icons }: { user: User; icons: ShellIcons }) {
  const t = useTranslations("shell");
  const loadMobileMenu = useCallback(
    () =>
      import("@/components/shell/mobile-menu").then(({ default: MobileMenu }) => {
        const Bound = ({ defaultOpen }: { defaultOpen?: boolean }) => <MobileMenu defaultOpen={defaultOpen} nav={<NavContent user={user} icons={icons} />} />;
        return Bound;
      }),
    [user, icons],
  );
  return (
    <>
      <header className="sticky top-0 z-30 flex h-14 items-center justify-between border-b border-border bg-background px-4 md:hidden">
        <span className="font-semibold">{t("productName")}</span>
        <LazyMenuButton label={t("openMenu")} popup="dialog" load={loadMobileMenu}>
          {icons.menu}
        </LazyMenuButton>
      </header>
      <aside className="sticky top-0 hidden h-dvh w-64 shrink-0 flex-col border-r border-border bg-card md:flex">
        <div className="flex h-14 items-center px-5 text-lg font-semibold">{t("productName")}</div>
        <NavContent user={user} icons={icons} testIds />
      </aside>
    </>
  );
}

function NavContent({ user, icons, testIds }: { user: User; icons: ShellIcons; testIds?: boolean }) {
  const t = useTranslations("shell");
  const tc = useTranslations("common");
  const pathname = usePathname();
  const items = navItems.filter((item) => !("permission" in item) || can(user.role, item.permission));
  return (
    <>
      <nav aria-label={t("mainNavigation")} className="flex flex-1 flex-col gap-1 overflow-y-auto px-3">
        {items.map((item) => {
          const active = item.href === "/" ? pathname === "/" : pathname.startsWith(item.href);
          return (
            <Link
              key={item.href}
              href={item.href}
              aria-current={active ? "page" : undefined}
              className={cn(
                "flex items-center gap-3 rounded-md px-3 py-2 text-sm font-medium text-muted-foreground hover:bg-muted hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none",
                active && "bg-accent text-foreground",
              )}
            >
              {icons.nav[item.href]}
              {t(`nav.${item.label}`)}
            </Link>
          );
        })}
      </nav>
      <div className="border-t border-border p-4">
        <div className="mb-3 text-sm">
          <div className="truncate font-medium" data-testid={testIds ? "current-user" : undefined}>
            {displayName(user)}
          </div>
          <div className="truncate text-xs text-muted-foreground">{user.email}</div>
          <div className="mt-1 text-xs text-muted-foreground">
            <span data-testid={testIds ? "current-team" : undefined}>{user.teamName}</span> ·{" "}
            <span data-testid={testIds ? "current-role" : undefined}>{tc(`roles.${user.role}`)}</span>
          </div>
          <Link href="/preferences" className="mt-1 inline-block text-xs text-muted-foreground underline underline-offset-2 hover:text-foreground">
            {t("preferences")}
          </Link>
        </div>
        <div className="flex items-center gap-2">
          <form action={signOutAction} className="flex-1">
            <Button type="submit" variant="outline" size="sm" className="w-full">
              {icons.signOut} {t("signOut")}
            </Button>
          </form>
          <LanguageToggle />
          <ThemeToggle />
        </div>
      </div>
    </>
  );
}
