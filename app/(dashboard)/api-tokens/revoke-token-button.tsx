"use client";

import { useAction } from "next-safe-action/hooks";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { actionErrorMessage } from "@/lib/action-message";
import { revokeApiTokenAction } from "@/lib/api-tokens/revoke-api-token.action";

export function RevokeTokenButton({ tokenId, name }: { tokenId: string; name: string }) {
  const { execute, isPending } = useAction(revokeApiTokenAction, {
    onSuccess: () => toast.success(`“${name}” revoked`),
    onError: ({ error }) => toast.error(actionErrorMessage(error, "The token could not be revoked.")),
  });
  return (
    <Button
      variant="outline"
      size="sm"
      disabled={isPending}
      aria-label={`Revoke ${name}`}
      onClick={() => {
        if (window.confirm(`Revoke “${name}”? Scripts using it stop working at once.`)) execute({ tokenId });
      }}
    >
      {isPending ? "Revoking…" : "Revoke"}
    </Button>
  );
}
