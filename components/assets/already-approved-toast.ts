import { useTranslations } from "next-intl";
import { useCallback } from "react";
import { toast } from "@/components/ui/toast";
import type { AlreadyApproved } from "@/lib/assets/resubmit-assets";

/**
 * Failed assets a resubmit or replace left out because the same file is already approved in
 * the team: names the approved asset (its `asset://` URL can be used as it is), with
 * "Submit it again" to send them anyway, as the Upload page offers. A hook, for the words.
 */
export function useAlreadyApprovedToast(): (items: readonly AlreadyApproved[], sendAgain: () => void) => void {
  const t = useTranslations("assets");
  return useCallback(
    (items, sendAgain) => {
      const first = items[0];
      if (!first) return;
      const one = items.length === 1;
      const title = one
        ? t("alreadyApproved.one", { name: first.name, approved: first.approved.name })
        : t("alreadyApproved.many", { count: items.length });
      toast.warning(title, {
        id: `already-approved-${first.assetId}`,
        description: one
          ? (first.approved.assetUrl ?? undefined)
          : items
              .map((a) => t("alreadyApproved.pair", { name: a.name, approved: a.approved.name }))
              .slice(0, 5)
              .join(t("alreadyApproved.separator")),
        duration: 15_000,
        action: { label: one ? t("alreadyApproved.sendOne") : t("alreadyApproved.sendMany"), onClick: sendAgain },
      });
    },
    [t],
  );
}
