"use client";

import { useTranslations } from "next-intl";
import { useAction } from "@/lib/use-action";
import { toast } from "@/components/ui/toast";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { useActionMessage } from "@/lib/i18n/use-action-message";
import { revokeApiTokenAction } from "@/lib/api-tokens/revoke-api-token.action";

export function RevokeTokenButton({ tokenId, name }: { tokenId: string; name: string }) {
  const t = useTranslations("apiTokens");
  const message = useActionMessage();
  const { execute, isPending } = useAction(revokeApiTokenAction, {
    onSuccess: () => toast.success(t("revoke.done", { name })),
    onError: ({ error }) => toast.error(message.error(error, t("revoke.failed"))),
  });
  return (
    <ConfirmButton
      variant="outline"
      size="sm"
      disabled={isPending}
      aria-label={t("revoke.label", { name })}
      title={t("revoke.title", { name })}
      description={t("revoke.description")}
      confirmLabel={t("revoke.confirm")}
      destructive
      onConfirm={() => execute({ tokenId })}
    >
      {isPending ? t("revoke.revoking") : t("revoke.button")}
    </ConfirmButton>
  );
}
