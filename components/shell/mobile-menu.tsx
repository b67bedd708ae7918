"use client";

import { Menu } from "@/components/icons/menu";
import { X } from "@/components/icons/x";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { Dialog } from "radix-ui";
import { type ReactNode, useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";

/**
 * The navigation as a modal sheet on a phone (Radix Dialog): closed, it is not in the page;
 * open, focus stays inside and Esc or a tap outside closes it; following a link closes it.
 */
export default function MobileMenu({ nav, defaultOpen }: { nav: ReactNode; defaultOpen?: boolean }) {
  const [open, setOpen] = useState(defaultOpen ?? false);
  const t = useTranslations("shell");
  const pathname = usePathname();
  const shownAt = useRef(pathname);
  useEffect(() => {
    if (pathname !== shownAt.current) {
      shownAt.current = pathname;
      setOpen(false);
    }
  }, [pathname]);
  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Trigger asChild>
        <Button variant="ghost" size="icon" aria-label={t("openMenu")}>
          <Menu aria-hidden />
        </Button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-black/40" />
        <Dialog.Content
          aria-describedby={undefined}
          className="fixed inset-y-0 left-0 z-50 flex w-72 max-w-[85vw] flex-col border-r border-border bg-card shadow-lg focus:outline-none"
          // A link to the page already open changes no path: close on any link.
          onClick={(event) => {
            if ((event.target as HTMLElement).closest("a")) setOpen(false);
          }}
        >
          <div className="flex h-14 items-center justify-between px-5">
            <Dialog.Title className="text-lg font-semibold">{t("productName")}</Dialog.Title>
            <Dialog.Close asChild>
              <Button variant="ghost" size="icon" aria-label={t("closeMenu")}>
                <X aria-hidden />
              </Button>
            </Dialog.Close>
          </div>
          {nav}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
