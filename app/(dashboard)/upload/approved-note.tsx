"use client";

import { Copy } from "@/components/icons/copy";
import { useTranslations } from "next-intl";
import { toast } from "@/components/ui/toast";
import type { ApprovedDuplicate } from "@/lib/assets/find-approved-duplicates";

/** An approved asset of the group with the same file: use it, or submit this one again. */
export function ApprovedNote({ approved, resubmit, onResubmit }: { approved: ApprovedDuplicate; resubmit: boolean; onResubmit: (v: boolean) => void }) {
  const t = useTranslations("upload");
  return (
    <div className="flex flex-col gap-1.5 rounded-md border border-success/30 bg-success/5 p-2 text-xs" data-testid="approved-duplicate">
      <p>
        {approved.sameGroup ? t("approved.as", { name: approved.name }) : t("approved.asInGroup", { name: approved.name, group: approved.groupName })}
        {approved.assetUrl ? (
          <>
            {" "}
            <code className="break-all rounded bg-muted px-1 font-mono">{approved.assetUrl}</code>
            <button
              type="button"
              className="ml-1 inline-flex translate-y-0.5 text-muted-foreground hover:text-foreground"
              aria-label={t("approved.copy")}
              onClick={() => void navigator.clipboard?.writeText(approved.assetUrl!).then(() => toast.success(t("approved.copied")))}
            >
              <Copy className="size-3.5" />
            </button>
          </>
        ) : null}
        .
      </p>
      <div className="flex flex-wrap gap-3">
        <label className="flex items-center gap-1.5">
          <input type="radio" checked={!resubmit} onChange={() => onResubmit(false)} /> {t("approved.use")}
        </label>
        <label className="flex items-center gap-1.5">
          <input type="radio" checked={resubmit} onChange={() => onResubmit(true)} /> {t("approved.sendAgain")}
        </label>
      </div>
    </div>
  );
}
