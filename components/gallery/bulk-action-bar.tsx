"use client";

import { X } from "@/components/icons/x";
import { useAction } from "@/lib/use-action";
import { useTranslations } from "next-intl";
import { type ReactNode, useState } from "react";
import { toast } from "@/components/ui/toast";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { dismissAssetsAction } from "@/lib/assets/dismiss-assets.action";
import { cn } from "@/lib/utils";
import { useActionMessage } from "@/lib/i18n/use-action-message";

/**
 * The bar docked at the bottom of the screen while assets are selected. It owns the "dismiss with a note"
 * form for `dismissIds`; `children` renders the other actions and gets a function that opens that form.
 */
export function BulkActionBar({
  selectedCount,
  dismissIds,
  noun,
  cancellable = false,
  className,
  onClear,
  onDone,
  children,
  ...rest
}: {
  selectedCount: number;
  dismissIds: string[];
  /** What the toast calls the dismissed items: assets, or failed assets. */
  noun: "asset" | "failedAsset";
  /** Show a Cancel button beside the note. */
  cancellable?: boolean;
  className?: string;
  onClear: () => void;
  onDone: () => void;
  children: (startDismiss: () => void) => ReactNode;
} & Record<`data-${string}`, string | undefined>) {
  const t = useTranslations("gallery");
  const message = useActionMessage();
  const [note, setNote] = useState("");
  const [dismissing, setDismissing] = useState(false);
  const dismiss = useAction(dismissAssetsAction, {
    onSuccess: ({ data }) => {
      toast.success(t(`bulk.dismissed.${noun}`, { count: data?.count ?? 0 }));
      setDismissing(false);
      setNote("");
      onDone();
    },
    onError: ({ error }) => toast.error(message.error(error, t("bulk.dismissFailed"))),
  });

  if (selectedCount === 0) return null;
  return (
    <div className="fixed inset-x-0 bottom-0 z-30 border-t border-border bg-card/95 p-3 shadow-lg backdrop-blur md:left-64" {...rest}>
      <div className={cn("mx-auto flex max-w-7xl flex-wrap items-center gap-2", className)}>
        <span className="mr-auto text-sm font-medium">{t("bulk.selected", { count: selectedCount })}</span>
        {dismissing ? (
          <form
            className="flex w-full gap-2 sm:w-auto"
            onSubmit={(e) => {
              e.preventDefault();
              dismiss.execute({ assetIds: dismissIds, note });
            }}
          >
            <Input autoFocus value={note} onChange={(e) => setNote(e.target.value)} placeholder={t("bulk.dismissPlaceholder")} aria-label={t("bulk.dismissNote")} className="sm:w-64" />
            <Button type="submit" variant="destructive" disabled={!note.trim() || dismiss.isPending}>
              {t("bulk.dismiss", { count: dismissIds.length })}
            </Button>
            {cancellable ? (
              <Button type="button" variant="ghost" onClick={() => setDismissing(false)}>
                {t("bulk.cancel")}
              </Button>
            ) : null}
          </form>
        ) : (
          children(() => setDismissing(true))
        )}
        <Button size="sm" variant="ghost" onClick={onClear} aria-label={t("bulk.clear")}>
          <X />
        </Button>
      </div>
    </div>
  );
}
