"use client";

import { type ReactNode, useState } from "react";
import { CopyButton } from "@/components/gallery/copy-button";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/utils";

/**
 * A secret the server shows once (a new token, a signing secret): the value with a copy
 * button, what to do with it (`children`), and a button that puts it away.
 */
export function ShownOnce({
  title,
  value,
  testId,
  copyLabel,
  doneLabel,
  onDone,
  className,
  children,
}: {
  title: ReactNode;
  value: string;
  testId: string;
  copyLabel: string;
  doneLabel: string;
  onDone: () => void;
  className?: string;
  children?: ReactNode;
}) {
  return (
    <div className={cn("min-w-0 rounded-md border border-success/40 bg-success/10 p-4", className)} role="status">
      <p className="text-sm font-medium wrap-anywhere">{title}</p>
      <div className="mt-3 flex flex-wrap items-center gap-2">
        <code className="min-w-0 rounded bg-background px-2 py-1 text-sm break-all" data-testid={testId}>
          {value}
        </code>
        <CopyButton text={value} label={copyLabel} />
      </div>
      {children}
      <Button type="button" variant="ghost" size="sm" className="mt-2" onClick={onDone}>
        {doneLabel}
      </Button>
    </div>
  );
}

/** `value` until the user puts it away (by its `key`); a new value shows again. */
export function useShownOnce<T>(value: T | null | undefined, key: (value: T) => string): [T | null, () => void] {
  const [dismissed, setDismissed] = useState<string | null>(null);
  const shown = value != null && key(value) !== dismissed ? value : null;
  return [shown, () => shown !== null && setDismissed(key(shown))];
}
