"use client";

import { AlertTriangle } from "@/components/icons/alert-triangle";
import { CheckCircle2 } from "@/components/icons/check-circle-2";
import { FileWarning } from "@/components/icons/file-warning";
import { Loader2 } from "@/components/icons/loader-2";
import { Music } from "@/components/icons/music";
import { Play } from "@/components/icons/play";
import { RefreshCw } from "@/components/icons/refresh-cw";
import { Replace } from "@/components/icons/replace";
import { X } from "@/components/icons/x";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import type { ApprovedDuplicate } from "@/lib/assets/find-approved-duplicates";
import { MAX_ASSET_NAME_LENGTH, nameFromFileName } from "@/lib/submissions/unique-names";
import { mediaFormats } from "@/lib/media/limits";
import { cn } from "@/lib/utils";
import { type Format } from "@/lib/i18n/format-in-locale";
import { useFormat } from "@/lib/i18n/use-format";
import { useSentence } from "@/lib/i18n/use-sentence";
import { violationSentence } from "@/lib/media/limit-violation";
import { ApprovedNote } from "./approved-note";
import { ProgressBar } from "./progress-bar";
import type { FileItem } from "./upload-items";

type Props = {
  item: FileItem;
  nameError: string | null;
  /** The name of an earlier file with the very same bytes: this one is left out. */
  sameAs: string | null;
  approved: ApprovedDuplicate | null;
  disabled: boolean;
  onRename: (name: string) => void;
  onRemove: () => void;
  onRetry: () => void;
  onReplace: () => void;
  onResubmit: (resubmit: boolean) => void;
};

export function FileRow({ item, nameError, sameAs, approved, disabled, onRename, onRemove, onRetry, onReplace, onResubmit }: Props) {
  const t = useTranslations("upload");
  const format = useFormat();
  const say = useSentence();
  const [playing, setPlaying] = useState(false);
  const refused = item.status === "refused";
  const skipped = !!sameAs || (!!approved && !item.resubmitApproved);
  const facts = describe(item, format);
  const inputId = `name-${item.key}`;

  return (
    <li
      data-testid="file-row"
      data-status={item.status}
      data-file-name={item.fileName}
      className={cn(
        "relative flex gap-3 rounded-lg border border-border bg-card p-3 pr-11 transition-colors",
        refused && "border-destructive/40 bg-destructive/5",
        skipped && !refused && "opacity-70",
      )}
    >
      <Preview item={item} playing={playing} onPlay={() => setPlaying((p) => !p)} />
      <div className="flex min-w-0 flex-1 flex-col gap-1.5">
        <label htmlFor={inputId} className="sr-only">
          {t("row.nameFor", { file: item.fileName })}
        </label>
        {refused ? (
          <p className="truncate text-sm font-medium" title={item.fileName}>
            {item.fileName}
          </p>
        ) : (
          <Input
            id={inputId}
            value={item.name}
            maxLength={255}
            disabled={disabled}
            aria-invalid={nameError ? true : undefined}
            aria-describedby={nameError ? `${inputId}-error` : undefined}
            onChange={(e) => onRename(e.target.value)}
            className="h-8 max-w-md font-medium"
          />
        )}
        {nameError ? (
          <p id={`${inputId}-error`} className="text-xs text-destructive">
            {t(`names.${nameError}`, { max: MAX_ASSET_NAME_LENGTH })}
          </p>
        ) : null}
        <p className="truncate text-xs text-muted-foreground" title={item.fileName}>
          {!refused && nameFromFileName(item.fileName) !== item.name ? <span className="mr-1">{item.fileName} ·</span> : null}
          {facts}
        </p>
        <Status item={item} />
        {refused ? (
          <ul className="flex flex-col gap-1 text-xs text-destructive" data-testid="refusal-reasons">
            {item.violations.map((v) => (
              <li key={v.code + v.message} className="flex gap-1.5">
                <AlertTriangle className="mt-0.5 size-3.5 shrink-0" aria-hidden />
                <span>{say(violationSentence(v))}</span>
              </li>
            ))}
          </ul>
        ) : null}
        {sameAs ? <p className="text-xs text-warning">{t("row.sameAs", { name: sameAs })}</p> : null}
        {approved ? <ApprovedNote approved={approved} resubmit={item.resubmitApproved} onResubmit={onResubmit} /> : null}
        {playing && item.mediaUrl && item.type === "VIDEO" ? (
          <video src={item.mediaUrl} controls autoPlay playsInline className="mt-1 max-h-64 w-full rounded-md bg-black" />
        ) : null}
        {item.type === "AUDIO" && item.mediaUrl && !refused ? (
          <audio src={item.mediaUrl} controls preload="none" className="mt-1 h-8 w-full max-w-sm" />
        ) : null}
        {item.status === "failed" || (refused && item.file) ? (
          <div className="mt-0.5 flex flex-wrap gap-2">
            {item.status === "failed" ? (
              <Button size="sm" variant="outline" onClick={onRetry} disabled={disabled}>
                <RefreshCw /> {t("row.retry")}
              </Button>
            ) : null}
            {refused && item.file ? (
              <Button size="sm" variant="outline" onClick={onReplace} disabled={disabled}>
                <Replace /> {t("row.replace")}
              </Button>
            ) : null}
          </div>
        ) : null}
      </div>
      <Button
        size="icon"
        variant="ghost"
        className="absolute right-2 top-2 size-8 text-muted-foreground"
        onClick={onRemove}
        disabled={disabled}
        aria-label={t("row.remove", { file: item.fileName })}
        title={t("row.removeTitle")}
      >
        <X />
      </Button>
    </li>
  );
}

function Preview({ item, playing, onPlay }: { item: FileItem; playing: boolean; onPlay: () => void }) {
  const t = useTranslations("upload");
  const box = "relative flex size-16 shrink-0 items-center justify-center overflow-hidden rounded-md bg-muted text-muted-foreground sm:size-20";
  const poster = item.upload?.thumbnailUrl ?? null;
  if (item.status === "refused" && item.type !== "IMAGE" && item.type !== "VIDEO") {
    return (
      <div className={box}>
        <FileWarning className="size-6" aria-hidden />
      </div>
    );
  }
  if (item.type === "IMAGE" || (item.type === null && item.file?.type.startsWith("image/"))) {
    const src = item.file ? item.mediaUrl : (poster ?? item.mediaUrl);
    return (
      <div className={box}>
        {src ? (
          <img src={src} alt="" className="size-full object-cover" onError={(e) => (e.currentTarget.style.visibility = "hidden")} />
        ) : null}
        {item.status === "refused" ? <FileWarning className="absolute size-6 text-destructive" aria-hidden /> : null}
      </div>
    );
  }
  if (item.type === "VIDEO") {
    return (
      <button type="button" className={cn(box, "group")} onClick={onPlay} aria-label={playing ? t("row.hidePlayer") : t("row.play", { file: item.fileName })}>
        {poster ? (
          <img src={poster} alt="" className="size-full object-cover" />
        ) : item.mediaUrl ? (
          <video src={`${item.mediaUrl}#t=0.1`} muted playsInline preload="metadata" className="size-full object-cover" />
        ) : null}
        <span className="absolute inset-0 flex items-center justify-center bg-black/25 opacity-80 transition-opacity group-hover:opacity-100">
          <Play className="size-6 fill-white text-white" aria-hidden />
        </span>
      </button>
    );
  }
  return (
    <div className={box}>
      <Music className="size-6" aria-hidden />
    </div>
  );
}

function Status({ item }: { item: FileItem }) {
  const t = useTranslations("upload");
  switch (item.status) {
    case "checking":
      return (
        <p className="flex items-center gap-1.5 text-xs text-muted-foreground">
          <Loader2 className="size-3.5 animate-spin" aria-hidden /> {t("row.checking")}
        </p>
      );
    case "queued":
      return (
        <div className="flex items-center gap-2">
          <ProgressBar value={0} label={t("row.progress", { file: item.fileName })} data-testid="file-progress" className="max-w-xs" />
          <span className="text-xs text-muted-foreground">{t("row.waiting")}</span>
        </div>
      );
    case "uploading": {
      const fraction = item.sizeBytes > 0 ? item.loaded / item.sizeBytes : 0;
      return (
        <div className="flex items-center gap-2">
          <ProgressBar value={fraction} label={t("row.progress", { file: item.fileName })} data-testid="file-progress" className="max-w-xs" />
          <span className="w-10 text-right text-xs tabular-nums text-muted-foreground">{Math.round(fraction * 100)}%</span>
        </div>
      );
    }
    case "done":
      return (
        <p className="flex items-center gap-1.5 text-xs text-success" data-testid="file-done">
          <CheckCircle2 className="size-3.5" aria-hidden /> {t("row.uploaded")}
        </p>
      );
    case "failed":
      return (
        <p className="flex items-center gap-1.5 text-xs text-destructive" role="alert">
          <AlertTriangle className="size-3.5 shrink-0" aria-hidden /> {item.error ?? t("row.failed")}
        </p>
      );
    case "refused":
      return (
        <Badge variant="destructive" className="w-fit">
          {t("row.refused")}
        </Badge>
      );
  }
}

function describe(item: FileItem, format: Format): string {
  const parts: string[] = [];
  const label = item.format ? mediaFormats[item.format].label : item.upload ? item.upload.mimeType.split("/")[1]?.toUpperCase() : null;
  if (label) parts.push(label);
  if (item.width && item.height) parts.push(`${item.width}×${item.height} px`);
  if (item.durationMs != null) parts.push(format.seconds(item.durationMs));
  parts.push(format.bytes(item.sizeBytes));
  return parts.join(" · ");
}
