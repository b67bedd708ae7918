"use client";

import { Copy } from "@/components/icons/copy";
import { RotateCcw } from "@/components/icons/rotate-ccw";
import { Trash2 } from "@/components/icons/trash-2";
import { useAction } from "@/lib/use-action";
import { useTranslations } from "next-intl";
import { toast } from "@/components/ui/toast";
import type { Viewer } from "@/components/gallery/asset-drawer";
import { BulkActionBar } from "@/components/gallery/bulk-action-bar";
import { GenerateVideoButton } from "@/components/generation/generate-video-button";
import { Button } from "@/components/ui/button";
import { can } from "@/lib/auth/roles";
import type { AssetCard } from "@/lib/assets/asset-view";
import { useAlreadyApprovedToast } from "@/components/assets/already-approved-toast";
import { resubmitAssetsAction } from "@/lib/assets/resubmit-assets.action";
import { useActionMessage } from "@/lib/i18n/use-action-message";

/** Actions on the selected assets, docked at the bottom of the screen. */
export function BulkBar({ items, viewer, onClear, onDone }: { items: AssetCard[]; viewer: Viewer; onClear: () => void; onDone: () => void }) {
  const t = useTranslations("gallery");
  const message = useActionMessage();
  const toastAlreadyApproved = useAlreadyApprovedToast();
  const isLead = can(viewer.role, "reviewFailed");
  const failed = items.filter((i) => i.state === "REJECTED");
  const fixable = failed.filter((i) => isLead || i.createdById === viewer.id);
  const approved = items.filter((i) => i.state === "APPROVED" && i.assetUrl);

  const resubmit = useAction(resubmitAssetsAction, {
    onSuccess: ({ data }) => {
      const left = data?.alreadyApproved ?? [];
      toastAlreadyApproved(left, () => resubmit.execute({ assetIds: left.map((a) => a.assetId), sendApprovedAgain: true }));
      if (data?.count) toast.success(t("bulk.resubmitted", { count: data.count }));
      onDone();
    },
    onError: ({ error }) => toast.error(message.error(error, t("bulk.resubmitFailed"))),
  });

  return (
    <BulkActionBar
      selectedCount={items.length}
      dismissIds={failed.map((i) => i.id)}
      noun="failedAsset"
      cancellable
      onClear={onClear}
      onDone={onDone}
      data-testid="bulk-bar"
    >
      {(startDismiss) => (
        <>
          {fixable.length > 0 ? (
            <Button size="sm" disabled={resubmit.isPending} onClick={() => resubmit.execute({ assetIds: fixable.map((i) => i.id) })}>
              <RotateCcw /> {t("bulk.resubmit", { count: fixable.length })}
            </Button>
          ) : null}
          {isLead && failed.length > 0 ? (
            <Button size="sm" variant="outline" onClick={startDismiss}>
              <Trash2 /> {t("bulk.dismiss", { count: failed.length })}
            </Button>
          ) : null}
          {approved.length > 0 ? (
            <>
              <Button
                size="sm"
                variant="outline"
                onClick={async () => {
                  await navigator.clipboard.writeText(approved.map((i) => i.assetUrl).join("\n"));
                  toast.success(t("bulk.urlsCopied", { count: approved.length }));
                }}
              >
                <Copy /> {t("bulk.copyUrls", { count: approved.length })}
              </Button>
              {approved.some((i) => i.type !== "AUDIO") ? (
                <GenerateVideoButton assetIds={approved.filter((i) => i.type !== "AUDIO").map((i) => i.id)} size="sm" />
              ) : null}
            </>
          ) : null}
        </>
      )}
    </BulkActionBar>
  );
}
