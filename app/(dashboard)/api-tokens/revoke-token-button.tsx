"use client";

import { useAction } from "next-safe-action/hooks";
import { toast } from "sonner";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { actionErrorMessage } from "@/lib/action-message";
import { revokeApiTokenAction } from "@/lib/api-tokens/revoke-api-token.action";

export function RevokeTokenButton({ tokenId, name }: { tokenId: string; name: string }) {
  const { execute, isPending } = useAction(revokeApiTokenAction, {
    onSuccess: () => toast.success(`“${name}” revoked`),
    onError: ({ error }) => toast.error(actionErrorMessage(error, "The token could not be revoked.")),
  });
  return (
    <ConfirmButton
      variant="outline"
      size="sm"
      disabled={isPending}
      aria-label={`Revoke ${name}`}
      title={`Revoke “${name}”?`}
      description="Scripts using it stop working at once. This cannot be undone."
      confirmLabel="Revoke token"
      destructive
      onConfirm={() => execute({ tokenId })}
    >
      {isPending ? "Revoking…" : "Revoke"}
    </ConfirmButton>
  );
}
