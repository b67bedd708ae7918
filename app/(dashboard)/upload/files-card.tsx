"use client";

import { RefreshCw } from "@/components/icons/refresh-cw";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { ApprovedDuplicate } from "@/lib/assets/find-approved-duplicates";
import { FileRow } from "./file-row";
import { ProgressBar } from "./progress-bar";
import type { UploadProgress } from "./upload-checks";
import type { FileItem } from "./upload-items";
import type { useUploadItems } from "./use-upload-items";

/** The dropped files with their overall progress, each a row that can be renamed, retried, replaced or removed. */
export function FilesCard({
  files,
  progress,
  nameErrors,
  sameAs,
  approvedByUpload,
  disabled,
  items,
  onReplace,
}: {
  files: FileItem[];
  progress: UploadProgress;
  nameErrors: ReadonlyMap<string, string>;
  sameAs: ReadonlyMap<string, string>;
  approvedByUpload: ReadonlyMap<string, ApprovedDuplicate>;
  disabled: boolean;
  items: Pick<ReturnType<typeof useUploadItems>, "retryAllFailed" | "rename" | "remove" | "retry" | "setResubmit">;
  onReplace: (key: string) => void;
}) {
  const t = useTranslations("upload");
  return (
    <Card>
      <CardHeader className="gap-3">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <CardTitle>
            {t.rich("files.title", { count: files.length, muted: (chunks) => <span className="font-normal text-muted-foreground">{chunks}</span> })}
          </CardTitle>
          {progress.failed > 0 ? (
            <Button size="sm" variant="outline" onClick={items.retryAllFailed}>
              <RefreshCw /> {t("files.retryAll", { count: progress.failed })}
            </Button>
          ) : null}
        </div>
        <div className="flex flex-col gap-1.5">
          <ProgressBar
            value={progress.totalBytes > 0 ? progress.sentBytes / progress.totalBytes : 0}
            tone={progress.pending === 0 && progress.failed === 0 && progress.uploaded > 0 ? "success" : "primary"}
            label={t("files.allUploads")}
            data-testid="overall-progress"
            data-done={progress.pending === 0 ? "true" : "false"}
          />
          <p className="text-xs text-muted-foreground" aria-live="polite" data-testid="upload-summary">
            {t("files.summary", { uploaded: progress.uploaded, total: files.length - progress.refused })}
            {progress.pending > 0 ? t("files.inProgress", { count: progress.pending }) : ""}
            {progress.failed > 0 ? t("files.failed", { count: progress.failed }) : ""}
            {progress.refused > 0 ? t("files.refused", { count: progress.refused }) : ""}
          </p>
        </div>
      </CardHeader>
      <CardContent className="px-3 sm:px-5">
        <ul className="flex flex-col gap-2">
          {files.map((item) => (
            <FileRow
              key={item.key}
              item={item}
              nameError={nameErrors.get(item.key) ?? null}
              sameAs={sameAs.get(item.key) ?? null}
              approved={item.upload ? (approvedByUpload.get(item.upload.id) ?? null) : null}
              disabled={disabled}
              onRename={(name) => items.rename(item.key, name)}
              onRemove={() => items.remove(item.key)}
              onRetry={() => items.retry(item.key)}
              onReplace={() => onReplace(item.key)}
              onResubmit={(v) => items.setResubmit(item.key, v)}
            />
          ))}
        </ul>
      </CardContent>
    </Card>
  );
}
