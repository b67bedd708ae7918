"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { InPlaceForm } from "@/components/ui/in-place-form";
import { ShownOnce, useShownOnce } from "@/components/ui/shown-once";
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
  const [rotated, putAway] = useShownOnce(state.data?.rotated, (made) => made.secret);
  const failure = state.data?.error ?? state.serverError;
  return (
    <div className="contents">
      <InPlaceForm action={formAction}>
        <input type="hidden" name="endpointId" value={endpointId} />
        <Button type="submit" variant="outline" size="sm" disabled={isPending} aria-disabled={isPending} aria-label={t("rotate.label", { url })}>
          {isPending ? t("rotate.rotating") : t("rotate.button")}
        </Button>
      </InPlaceForm>
      {failure ? (
        <p role="alert" className="basis-full text-sm text-destructive">
          {failure}
        </p>
      ) : null}
      {rotated ? (
        <ShownOnce
          className="mt-2 basis-full"
          title={t("rotate.newSecret")}
          value={rotated.secret}
          testId="rotated-secret"
          copyLabel={t("copySecret")}
          doneLabel={t("done")}
          onDone={putAway}
        >
          <p className="mt-2 text-xs text-muted-foreground">
            {t.rich("rotate.overlap", {
              until: () => <time dateTime={rotated.previousValidUntil}>{format.dateTimeWithZone(rotated.previousValidUntil)}</time>,
            })}
          </p>
        </ShownOnce>
      ) : null}
    </div>
  );
}
