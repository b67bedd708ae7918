"use client";

import { AlertDialog as AlertDialogPrimitive } from "radix-ui";
import { useTranslations } from "next-intl";
import type { ReactNode, RefObject } from "react";
import { buttonVariants } from "@/components/ui/button";

export type ConfirmDialogProps = {
  title: string;
  description: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  destructive?: boolean;
  onConfirm: () => void;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** Where focus goes back to when the dialog closes (the button that opened it). */
  returnFocusTo?: RefObject<HTMLElement | null>;
};

/**
 * A confirmation in place of `window.confirm`: focus moves into it, Tab stays inside, Esc and
 * Cancel close it and focus returns to the button that opened it. Cancel has the initial
 * focus, so Enter never confirms a destructive action by accident. Loaded on first use
 * through `ConfirmButton`.
 */
export default function ConfirmDialog({ title, description, confirmLabel, cancelLabel, destructive, onConfirm, open, onOpenChange, returnFocusTo }: ConfirmDialogProps) {
  const t = useTranslations("common");
  return (
    <AlertDialogPrimitive.Root open={open} onOpenChange={onOpenChange}>
      <AlertDialogPrimitive.Portal>
        <AlertDialogPrimitive.Overlay className="fixed inset-0 z-50 bg-black/50" />
        <AlertDialogPrimitive.Content
          onCloseAutoFocus={(event) => {
            if (!returnFocusTo?.current) return;
            event.preventDefault();
            returnFocusTo.current.focus();
          }}
          className="fixed top-1/2 left-1/2 z-50 w-[calc(100%-2rem)] max-w-md -translate-x-1/2 -translate-y-1/2 rounded-lg border border-border bg-card p-6 shadow-lg"
        >
          <AlertDialogPrimitive.Title className="text-lg font-semibold">{title}</AlertDialogPrimitive.Title>
          <AlertDialogPrimitive.Description className="mt-2 text-sm text-muted-foreground">{description}</AlertDialogPrimitive.Description>
          <div className="mt-6 flex flex-wrap justify-end gap-2">
            <AlertDialogPrimitive.Cancel className={buttonVariants({ variant: "outline" })}>{cancelLabel ?? t("ui.cancel")}</AlertDialogPrimitive.Cancel>
            <AlertDialogPrimitive.Action className={buttonVariants({ variant: destructive ? "destructive" : "default" })} onClick={onConfirm}>
              {confirmLabel}
            </AlertDialogPrimitive.Action>
          </div>
        </AlertDialogPrimitive.Content>
      </AlertDialogPrimitive.Portal>
    </AlertDialogPrimitive.Root>
  );
}
