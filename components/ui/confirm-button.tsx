"use client";

import { lazyClient } from "@/components/ui/lazy-client";
import { useRef, useState, type ComponentProps, type ReactNode } from "react";
import { Button } from "@/components/ui/button";

// The dialog's code is fetched when the button is first pressed, not with the page.
const ConfirmDialog = lazyClient(() => import("@/components/ui/alert-dialog").then((m) => m.default));

type Props = Omit<ComponentProps<typeof Button>, "onClick"> & {
  title: string;
  description: ReactNode;
  confirmLabel: string;
  destructive?: boolean;
  onConfirm: () => void;
};

/** A button that asks first, in an accessible alert dialog (never `window.confirm`). */
export function ConfirmButton({ title, description, confirmLabel, destructive, onConfirm, ...buttonProps }: Props) {
  const [open, setOpen] = useState(false);
  const [loaded, setLoaded] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  return (
    <>
      <Button
        ref={button}
        aria-haspopup="dialog"
        {...buttonProps}
        onClick={() => {
          setLoaded(true);
          setOpen(true);
        }}
      />
      {loaded ? (
        <ConfirmDialog
          open={open}
          onOpenChange={setOpen}
          title={title}
          description={description}
          confirmLabel={confirmLabel}
          destructive={destructive}
          onConfirm={onConfirm}
          returnFocusTo={button}
        />
      ) : null}
    </>
  );
}
