"use client";

import { ClipboardPaste, UploadCloud } from "lucide-react";
import { useDropzone } from "react-dropzone";
import { formatLabels } from "@/lib/media/describe-media";
import { acceptMap, audioLimits, BYTES_PER_MB, imageLimits, videoLimits } from "@/lib/media/limits";
import { cn } from "@/lib/utils";

const mb = (bytes: number) => bytes / BYTES_PER_MB;

/**
 * The Upload page's drop area: click to browse, or drop files (refused ones too, so that
 * each is listed with its reason); the provider's limits are written under it.
 */
export function DropZone({ onFiles }: { onFiles: (files: File[]) => void }) {
  const dropzone = useDropzone({
    onDrop: (accepted, rejected) => onFiles([...accepted, ...rejected.map((r) => r.file)]),
    accept: acceptMap(),
    multiple: true,
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
      <input {...dropzone.getInputProps()} data-testid="upload-input" aria-label="Choose files to upload" />
      <span className={cn("flex size-12 items-center justify-center rounded-full bg-accent text-primary transition-transform", dropzone.isDragActive && "scale-110")}>
        <UploadCloud className="size-6" aria-hidden />
      </span>
      <div>
        <p className="text-base font-medium">{dropzone.isDragActive ? "Drop to add them" : "Drop images, videos and audio here"}</p>
        <p className="mt-1 flex flex-wrap items-center justify-center gap-x-1.5 text-sm text-muted-foreground">
          <span>or click to browse</span>
          <span aria-hidden>·</span>
          <span className="inline-flex items-center gap-1">
            <ClipboardPaste className="size-3.5" aria-hidden /> paste from the clipboard
          </span>
        </p>
      </div>
      <ul className="mt-1 grid grid-cols-1 max-w-2xl gap-1 text-xs text-muted-foreground sm:grid-cols-3 sm:gap-3">
        <li>
          <strong className="font-medium text-foreground">Images</strong> {formatLabels("IMAGE")}; {imageLimits.minSidePx}–{imageLimits.maxSidePx} px a side, ratio{" "}
          {imageLimits.minAspectRatio}–{imageLimits.maxAspectRatio}, under {mb(imageLimits.maxBytesExclusive)} MB
        </li>
        <li>
          <strong className="font-medium text-foreground">Videos</strong> {formatLabels("VIDEO")}; {videoLimits.minDurationMs / 1000}–{videoLimits.maxDurationMs / 1000} s,{" "}
          {videoLimits.minFps}–{videoLimits.maxFps} fps, 480p or 720p, up to {mb(videoLimits.maxBytes)} MB
        </li>
        <li>
          <strong className="font-medium text-foreground">Audio</strong> {formatLabels("AUDIO")}; {audioLimits.minDurationMs / 1000}–{audioLimits.maxDurationMs / 1000} s, up to{" "}
          {mb(audioLimits.maxBytes)} MB
        </li>
      </ul>
    </div>
  );
}
