"use client";

import { LogOut, Menu, X } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ThemeToggle } from "@/components/shell/theme-toggle";
import { navItems } from "@/components/shell/nav-items";
import { can, roleLabels } from "@/lib/auth/roles";
import { signOutAction } from "@/lib/auth/sign-in";
import type { Role } from "@/lib/generated/prisma/enums";
import { cn } from "@/lib/utils";
import { displayName } from "@/lib/users/display-name";

type Props = { user: { email: string; name: string | null; role: Role; teamName: string } };

export function Sidebar({ user }: Props) {
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  const items = navItems.filter((item) => !("permission" in item) || can(user.role, item.permission));

  return (
    <>
      <header className="sticky top-0 z-30 flex h-14 items-center justify-between border-b border-border bg-background px-4 md:hidden">
        <span className="font-semibold">Avatar Studio</span>
        <Button variant="ghost" size="icon" aria-label={open ? "Close menu" : "Open menu"} onClick={() => setOpen((v) => !v)}>
          {open ? <X /> : <Menu />}
        </Button>
      </header>
      <aside
        className={cn(
          "fixed inset-y-0 left-0 z-40 flex w-64 flex-col border-r border-border bg-card transition-transform md:sticky md:top-0 md:h-dvh md:translate-x-0",
          open ? "translate-x-0" : "-translate-x-full",
        )}
      >
        <div className="flex h-14 items-center px-5 text-lg font-semibold">Avatar Studio</div>
        <nav aria-label="Main" className="flex flex-1 flex-col gap-1 px-3">
          {items.map((item) => {
            const active = item.href === "/" ? pathname === "/" : pathname.startsWith(item.href);
            const Icon = item.icon;
            return (
              <Link
                key={item.href}
                href={item.href}
                onClick={() => setOpen(false)}
                aria-current={active ? "page" : undefined}
                className={cn(
                  "flex items-center gap-3 rounded-md px-3 py-2 text-sm font-medium text-muted-foreground hover:bg-muted hover:text-foreground",
                  active && "bg-accent text-foreground",
                )}
              >
                <Icon className="size-4" />
                {item.label}
              </Link>
            );
          })}
        </nav>
        <div className="border-t border-border p-4">
          <div className="mb-3 text-sm">
            <div className="truncate font-medium" data-testid="current-user">
              {displayName(user)}
            </div>
            <div className="truncate text-xs text-muted-foreground">{user.email}</div>
            <div className="mt-1 text-xs text-muted-foreground">
              <span data-testid="current-team">{user.teamName}</span> · <span data-testid="current-role">{roleLabels[user.role]}</span>
            </div>
          </div>
          <div className="flex items-center gap-2">
            <form action={signOutAction} className="flex-1">
              <Button type="submit" variant="outline" size="sm" className="w-full">
                <LogOut /> Sign out
              </Button>
            </form>
            <ThemeToggle />
          </div>
        </div>
      </aside>
      {open ? <div className="fixed inset-0 z-30 bg-black/40 md:hidden" onClick={() => setOpen(false)} aria-hidden /> : null}
    </>
  );
}
