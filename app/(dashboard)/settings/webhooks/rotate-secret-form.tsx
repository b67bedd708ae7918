"use client";

import { useTranslations } from "next-intl";
import { startTransition, useActionState, useState } from "react";
import { CopyButton } from "@/components/gallery/copy-button";
import { Button } from "@/components/ui/button";
import { useFormat } from "@/lib/i18n/use-format";
import { rotateWebhookSecretAction } from "@/lib/webhooks/rotate-webhook-secret.action";

/**
 * Rotates an endpoint's signing secret: a real POST form (works before JavaScript has loaded;
 * the page comes back with the new secret shown once). The old secret keeps signing beside the
 * new one for a day, so the receiver can switch over without missing a delivery.
 */
export function RotateSecretForm({ endpointId, url }: { endpointId: string; url: string }) {
  const t = useTranslations("webhooks");
  const format = useFormat();
  const [state, formAction, isPending] = useActionState(rotateWebhookSecretAction, {});
  const [dismissed, setDismissed] = useState<string | null>(null);
  const rotated = state.data?.rotated && state.data.rotated.secret !== dismissed ? state.data.rotated : null;
  const failure = state.data?.error ?? state.serverError;
  return (
    <div className="contents">
      <form
        action={formAction}
        onSubmit={(event) => {
          event.preventDefault();
          const data = new FormData(event.currentTarget);
          startTransition(() => formAction(data));
        }}
      >
        <input type="hidden" name="endpointId" value={endpointId} />
        <Button type="submit" variant="outline" size="sm" disabled={isPending} aria-disabled={isPending} aria-label={t("rotate.label", { url })}>
          {isPending ? t("rotate.rotating") : t("rotate.button")}
        </Button>
      </form>
      {failure ? (
        <p role="alert" className="basis-full text-sm text-destructive">
          {failure}
        </p>
      ) : null}
      {rotated ? (
        <div className="mt-2 min-w-0 basis-full rounded-md border border-success/40 bg-success/10 p-4" role="status">
          <p className="text-sm font-medium">{t("rotate.newSecret")}</p>
          <div className="mt-3 flex flex-wrap items-center gap-2">
            <code className="min-w-0 rounded bg-background px-2 py-1 text-sm break-all" data-testid="rotated-secret">
              {rotated.secret}
            </code>
            <CopyButton text={rotated.secret} label={t("copySecret")} />
          </div>
          <p className="mt-2 text-xs text-muted-foreground">
            {t.rich("rotate.overlap", {
              until: () => <time dateTime={rotated.previousValidUntil}>{format.dateTimeWithZone(rotated.previousValidUntil)}</time>,
            })}
          </p>
          <Button type="button" variant="ghost" size="sm" className="mt-2" onClick={() => setDismissed(rotated.secret)}>
            {t("done")}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
