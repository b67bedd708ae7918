"use client";

import { RefreshCw } from "lucide-react";
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
  return (
    <Card>
      <CardHeader className="gap-3">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <CardTitle>
            Files <span className="font-normal text-muted-foreground">({files.length})</span>
          </CardTitle>
          {progress.failed > 0 ? (
            <Button size="sm" variant="outline" onClick={items.retryAllFailed}>
              <RefreshCw /> Retry all failed ({progress.failed})
            </Button>
          ) : null}
        </div>
        <div className="flex flex-col gap-1.5">
          <ProgressBar
            value={progress.totalBytes > 0 ? progress.sentBytes / progress.totalBytes : 0}
            tone={progress.pending === 0 && progress.failed === 0 && progress.uploaded > 0 ? "success" : "primary"}
            label="All uploads"
            data-testid="overall-progress"
            data-done={progress.pending === 0 ? "true" : "false"}
          />
          <p className="text-xs text-muted-foreground" aria-live="polite" data-testid="upload-summary">
            {progress.uploaded} of {files.length - progress.refused} uploaded
            {progress.pending > 0 ? ` · ${progress.pending} in progress` : ""}
            {progress.failed > 0 ? ` · ${progress.failed} failed` : ""}
            {progress.refused > 0 ? ` · ${progress.refused} refused` : ""}
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
