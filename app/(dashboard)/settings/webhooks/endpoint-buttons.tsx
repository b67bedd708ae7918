"use client";

import { useTranslations } from "next-intl";
import { useAction } from "@/lib/use-action";
import { toast } from "@/components/ui/toast";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import type { ActionFailure } from "@/lib/action-message";
import { useActionMessage } from "@/lib/i18n/use-action-message";
import { enableWebhookEndpointAction } from "@/lib/webhooks/enable-webhook-endpoint.action";
import { redeliverWebhookAction } from "@/lib/webhooks/redeliver-webhook.action";
import { removeWebhookEndpointAction } from "@/lib/webhooks/remove-webhook-endpoint.action";

/** A toast with the action's failure, else `fallback`. */
function useFailureToast() {
  const message = useActionMessage();
  return (fallback: string) => ({ error }: { error: ActionFailure }) => toast.error(message.error(error, fallback));
}

export function RemoveEndpointButton({ endpointId, url }: { endpointId: string; url: string }) {
  const t = useTranslations("webhooks");
  const failed = useFailureToast();
  const { execute, isPending } = useAction(removeWebhookEndpointAction, { onSuccess: () => toast.success(t("remove.done")), onError: failed(t("remove.failed")) });
  return (
    <ConfirmButton
      variant="outline"
      size="sm"
      disabled={isPending}
      aria-label={t("remove.label", { url })}
      title={t("remove.title")}
      description={<span className="break-all">{t("remove.description", { url })}</span>}
      confirmLabel={t("remove.confirm")}
      destructive
      onConfirm={() => execute({ endpointId })}
    >
      {t("remove.button")}
    </ConfirmButton>
  );
}

export function EnableEndpointButton({ endpointId }: { endpointId: string }) {
  const t = useTranslations("webhooks");
  const failed = useFailureToast();
  const { execute, isPending } = useAction(enableWebhookEndpointAction, { onSuccess: () => toast.success(t("enable.done")), onError: failed(t("enable.failed")) });
  return (
    <Button size="sm" disabled={isPending} onClick={() => execute({ endpointId })}>
      {t("enable.button")}
    </Button>
  );
}

export function RedeliverButton({ deliveryId }: { deliveryId: string }) {
  const t = useTranslations("webhooks");
  const failed = useFailureToast();
  const { execute, isPending } = useAction(redeliverWebhookAction, { onSuccess: () => toast.success(t("redeliver.done")), onError: failed(t("redeliver.failed")) });
  return (
    <Button variant="ghost" size="sm" disabled={isPending} onClick={() => execute({ deliveryId })}>
      {t("redeliver.button")}
    </Button>
  );
}
