"use client";

import { useAction } from "next-safe-action/hooks";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { actionErrorMessage } from "@/lib/action-message";
import { enableWebhookEndpointAction } from "@/lib/webhooks/enable-webhook-endpoint.action";
import { redeliverWebhookAction } from "@/lib/webhooks/redeliver-webhook.action";
import { removeWebhookEndpointAction } from "@/lib/webhooks/remove-webhook-endpoint.action";

const failed = (fallback: string) => ({ error }: { error: Parameters<typeof actionErrorMessage>[0] }) => toast.error(actionErrorMessage(error, fallback));

export function RemoveEndpointButton({ endpointId, url }: { endpointId: string; url: string }) {
  const { execute, isPending } = useAction(removeWebhookEndpointAction, { onSuccess: () => toast.success("Endpoint removed"), onError: failed("The endpoint could not be removed.") });
  return (
    <ConfirmButton
      variant="outline"
      size="sm"
      disabled={isPending}
      aria-label={`Remove ${url}`}
      title="Remove this endpoint?"
      description={<span className="break-all">Nothing more is sent to {url}, and its delivery log goes with it.</span>}
      confirmLabel="Remove endpoint"
      destructive
      onConfirm={() => execute({ endpointId })}
    >
      Remove
    </ConfirmButton>
  );
}

export function EnableEndpointButton({ endpointId }: { endpointId: string }) {
  const { execute, isPending } = useAction(enableWebhookEndpointAction, { onSuccess: () => toast.success("Endpoint turned on"), onError: failed("The endpoint could not be turned on.") });
  return (
    <Button size="sm" disabled={isPending} onClick={() => execute({ endpointId })}>
      Turn on
    </Button>
  );
}

export function RedeliverButton({ deliveryId }: { deliveryId: string }) {
  const { execute, isPending } = useAction(redeliverWebhookAction, { onSuccess: () => toast.success("Sent again"), onError: failed("The delivery could not be sent again.") });
  return (
    <Button variant="ghost" size="sm" disabled={isPending} onClick={() => execute({ deliveryId })}>
      Send again
    </Button>
  );
}
