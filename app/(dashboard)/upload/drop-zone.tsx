"use client";

import { ClipboardPaste } from "@/components/icons/clipboard-paste";
import { UploadCloud } from "@/components/icons/upload-cloud";
import { useLocale, useTranslations } from "next-intl";
import { useDropzone } from "react-dropzone";
import { formatLabelsIn } from "@/lib/media/describe-media";
import { acceptMap, audioLimits, BYTES_PER_MB, imageLimits, videoLimits } from "@/lib/media/limits";
import { cn } from "@/lib/utils";

const mb = (bytes: number) => bytes / BYTES_PER_MB;

/**
 * The Upload page's drop area: click to browse, or drop files (refused ones too, so that
 * each is listed with its reason); the provider's limits are written under it.
 */
export function DropZone({ onFiles }: { onFiles: (files: File[]) => void }) {
  const t = useTranslations("upload");
  const locale = useLocale();
  // Limits are shown as written (no digit grouping): they are passed as text.
  const dropzone = useDropzone({
    onDrop: (accepted, rejected) => onFiles([...accepted, ...rejected.map((r) => r.file)]),
    accept: acceptMap(),
    multiple: true,
    // Pasting is the page's (use-pasted-files.ts), wherever the focus is: handled here too, a
    // paste into the focused drop area would add every file twice.
    noPaste: true,
  });
  return (
    <div
      {...dropzone.getRootProps({
        className: cn(
          "group flex cursor-pointer flex-col items-center justify-center gap-3 rounded-xl border-2 border-dashed border-border bg-card px-6 py-10 text-center transition-colors hover:border-primary/60 hover:bg-accent/40 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring sm:py-14",
          dropzone.isDragActive && "border-primary bg-accent",
        ),
      })}
      data-testid="dropzone"
    >
      <input {...dropzone.getInputProps()} data-testid="upload-input" aria-label={t("drop.input")} />
      <span className={cn("flex size-12 items-center justify-center rounded-full bg-accent text-primary transition-transform", dropzone.isDragActive && "scale-110")}>
        <UploadCloud className="size-6" aria-hidden />
      </span>
      <div>
        <p className="text-base font-medium">{dropzone.isDragActive ? t("drop.active") : t("drop.title")}</p>
        <p className="mt-1 flex flex-wrap items-center justify-center gap-x-1.5 text-sm text-muted-foreground">
          <span>{t("drop.browse")}</span>
          <span aria-hidden>·</span>
          <span className="inline-flex items-center gap-1">
            <ClipboardPaste className="size-3.5" aria-hidden /> {t("drop.paste")}
          </span>
        </p>
      </div>
      <ul className="mt-1 grid grid-cols-1 max-w-2xl gap-1 text-xs text-muted-foreground sm:grid-cols-3 sm:gap-3">
        <li>
          {t.rich("drop.images", {
            strong: (chunks) => <strong className="font-medium text-foreground">{chunks}</strong>,
            formats: formatLabelsIn("IMAGE", locale),
            minSide: String(imageLimits.minSidePx),
            maxSide: String(imageLimits.maxSidePx),
            minRatio: String(imageLimits.minAspectRatio),
            maxRatio: String(imageLimits.maxAspectRatio),
            mb: String(mb(imageLimits.maxBytesExclusive)),
          })}
        </li>
        <li>
          {t.rich("drop.videos", {
            strong: (chunks) => <strong className="font-medium text-foreground">{chunks}</strong>,
            formats: formatLabelsIn("VIDEO", locale),
            minSeconds: String(videoLimits.minDurationMs / 1000),
            maxSeconds: String(videoLimits.maxDurationMs / 1000),
            minFps: String(videoLimits.minFps),
            maxFps: String(videoLimits.maxFps),
            mb: String(mb(videoLimits.maxBytes)),
          })}
        </li>
        <li>
          {t.rich("drop.audio", {
            strong: (chunks) => <strong className="font-medium text-foreground">{chunks}</strong>,
            formats: formatLabelsIn("AUDIO", locale),
            minSeconds: String(audioLimits.minDurationMs / 1000),
            maxSeconds: String(audioLimits.maxDurationMs / 1000),
            mb: String(mb(audioLimits.maxBytes)),
          })}
        </li>
      </ul>
    </div>
  );
}
