"use client";

import { useAction } from "@/lib/use-action";
import { useTranslations } from "next-intl";
import { toast } from "@/components/ui/toast";
import { useAlreadyApprovedToast } from "@/components/assets/already-approved-toast";
import { useActionMessage } from "@/lib/i18n/use-action-message";
import { dismissAssetsAction } from "@/lib/assets/dismiss-assets.action";
import { resubmitAssetsAction } from "@/lib/assets/resubmit-assets.action";

/** Resubmit or dismiss one failed asset, with the toasts every place that offers it shows. */
export function useRepairActions(name: string, onChanged: () => void) {
  const t = useTranslations("assets");
  const message = useActionMessage();
  const toastAlreadyApproved = useAlreadyApprovedToast();
  const resubmit = useAction(resubmitAssetsAction, {
    onSuccess: ({ data }) => {
      const left = data?.alreadyApproved ?? [];
      toastAlreadyApproved(left, () => resubmit.execute({ assetIds: left.map((a) => a.assetId), sendApprovedAgain: true }));
      if (left.length > 0) return;
      toast.success(t("repair.resubmitted", { name }));
      onChanged();
    },
    onError: ({ error }) => toast.error(message.error(error, t("repair.resubmitFailed"))),
  });
  const dismiss = useAction(dismissAssetsAction, {
    onSuccess: () => {
      toast.success(t("repair.dismissed", { name }));
      onChanged();
    },
    onError: ({ error }) => toast.error(message.error(error, t("repair.dismissFailed"))),
  });
  return { resubmit, dismiss };
}
