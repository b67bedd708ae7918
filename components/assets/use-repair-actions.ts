"use client";

import { useAction } from "next-safe-action/hooks";
import { toast } from "sonner";
import { toastAlreadyApproved } from "@/components/assets/already-approved-toast";
import { actionErrorMessage } from "@/lib/action-message";
import { dismissAssetsAction } from "@/lib/assets/dismiss-assets.action";
import { resubmitAssetsAction } from "@/lib/assets/resubmit-assets.action";

/** Resubmit or dismiss one failed asset, with the toasts every place that offers it shows. */
export function useRepairActions(name: string, onChanged: () => void) {
  const resubmit = useAction(resubmitAssetsAction, {
    onSuccess: ({ data }) => {
      const left = data?.alreadyApproved ?? [];
      toastAlreadyApproved(left, () => resubmit.execute({ assetIds: left.map((a) => a.assetId), sendApprovedAgain: true }));
      if (left.length > 0) return;
      toast.success(`“${name}” sent for review again.`);
      onChanged();
    },
    onError: ({ error }) => toast.error(actionErrorMessage(error, "Could not resubmit.")),
  });
  const dismiss = useAction(dismissAssetsAction, {
    onSuccess: () => {
      toast.success(`“${name}” dismissed.`);
      onChanged();
    },
    onError: ({ error }) => toast.error(actionErrorMessage(error, "Could not dismiss.")),
  });
  return { resubmit, dismiss };
}
