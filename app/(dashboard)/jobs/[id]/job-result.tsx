import { AlertCircle } from "@/components/icons/alert-circle";
import { Download } from "@/components/icons/download";
import { ExternalLink } from "@/components/icons/external-link";
import { HardDrive } from "@/components/icons/hard-drive";
import { useTranslations } from "next-intl";
import { JobProgressBar } from "@/components/generation/job-progress-bar";
import { NotificationToggle } from "@/components/generation/notification-toggle";
import { buttonVariants } from "@/components/ui/button";
import { RelativeTime } from "@/components/ui/relative-time";
import { useFormat } from "@/lib/i18n/use-format";
import type { VideoJobView } from "@/lib/generation/video-job-view";

// The job page's main card: progress while the job runs, then the video or why it failed.

// translator t: jobs
function progressText(job: VideoJobView, t: ReturnType<typeof useTranslations<"jobs">>, percent: string): string {
  if (job.state === "UNCERTAIN") {
    return job.uncertain?.waitsForPerson ? t("progress.waitsForYou") : t("progress.askingAgain");
  }
  if (job.state === "QUEUED") return job.error ? t("progress.waitingToSend") : t("progress.sending");
  if (job.state === "SENT") return t("progress.waitingToStart");
  if (job.progress >= 100) return t("progress.copying");
  return t("progress.generating", { progress: percent });
}

/** A link that saves a stored file rather than opening it. */
export function DownloadButton({
  href,
  children,
  className,
  variant,
  size,
}: {
  href: string;
  children: React.ReactNode;
  className?: string;
  variant?: "outline";
  size?: "sm";
}) {
  return (
    <a href={href} download className={buttonVariants({ variant, size, className })}>
      <Download aria-hidden /> {children}
    </a>
  );
}

export function JobProgressPanel({ job }: { job: VideoJobView }) {
  const t = useTranslations("jobs");
  const format = useFormat();
  const percent = format.percent(job.progress / 100);
  return (
        <div className="flex flex-col gap-4 p-6" data-testid="job-progress">
          <div className="flex items-baseline justify-between gap-4">
            <span className="text-sm font-medium" aria-live="polite">
              {progressText(job, t, percent)}
            </span>
            <span className="text-sm text-muted-foreground tabular-nums">{job.state === "RUNNING" ? percent : ""}</span>
          </div>
          <JobProgressBar value={job.progress} indeterminate={job.state !== "RUNNING"} label={t("progress.label")} />
          {(job.state === "UNCERTAIN" || job.state === "QUEUED") && job.error ? (
            <div role="status" className="flex gap-3 rounded-md border border-warning/40 bg-warning/10 p-4 text-sm" data-testid="job-uncertain">
              <AlertCircle className="mt-0.5 size-5 shrink-0" aria-hidden />
              <div>
                <p>{job.error.message}</p>
                {job.uncertain?.nextTryAt ? (
                  <p className="mt-1 text-muted-foreground">
                    {t.rich("progress.nextTry", { when: () => <RelativeTime iso={job.uncertain!.nextTryAt!} /> })}
                  </p>
                ) : null}
              </div>
            </div>
          ) : null}
          <p className="text-xs text-muted-foreground">
            {t("progress.hint")}
          </p>
          <div>
            <NotificationToggle />
          </div>
        </div>
  );
}

export function JobVideo({ job, video }: { job: VideoJobView; video: NonNullable<VideoJobView["video"]> }) {
  const t = useTranslations("jobs");
  const format = useFormat();
  const p = job.params;
  return (
        <div className="flex flex-col">
          <div className="overflow-hidden rounded-t-lg bg-black">
            <video
              key={video.url}
              src={video.url}
              poster={job.lastFrame?.url}
              controls
              playsInline
              preload="metadata"
              className="block max-h-[75vh] w-full object-contain"
              style={{ aspectRatio: p.aspectRatio === "adaptive" ? "16 / 9" : p.aspectRatio.replace(":", " / ") }}
              data-testid="job-video"
            />
          </div>
          <div className="flex flex-col gap-3 p-4 sm:flex-row sm:items-center sm:justify-between">
            <p className="flex items-start gap-2 text-xs text-muted-foreground" data-testid="stored-copy-note">
              <HardDrive className="mt-0.5 size-4 shrink-0" aria-hidden />
              <span>
                {job.providerVideo?.expiresAt
                  ? t("video.storedUntil", { expires: format.dateTimeWithZone(job.providerVideo.expiresAt) })
                  : t("video.stored")}
              </span>
            </p>
            <DownloadButton href={video.downloadUrl} className="shrink-0">
              {t("video.download")}
            </DownloadButton>
          </div>
        </div>
  );
}

export function JobFailure({ job }: { job: VideoJobView }) {
  const t = useTranslations("jobs");
  const format = useFormat();
  return (
        <div className="flex flex-col gap-3 p-6">
          <div role="alert" className="flex gap-3 rounded-md border border-destructive/40 bg-destructive/10 p-4 text-sm text-destructive" data-testid="job-error">
            <AlertCircle className="mt-0.5 size-5 shrink-0" aria-hidden />
            <div>
              <p className="font-medium">
                {job.state === "SEND_FAILED" ? t("failure.notSent") : job.state === "CANCELLED" ? t("failure.cancelled") : t("failure.failed")}
              </p>
              <p className="mt-1">{job.error?.message ?? t("failure.noReason")}</p>
              {job.error?.code ? <p className="mt-2 font-mono text-xs opacity-80">{t("failure.code", { code: job.error.code })}</p> : null}
            </div>
          </div>
          {job.providerVideo ? (
            <a href={job.providerVideo.url} target="_blank" rel="noreferrer" className="inline-flex items-center gap-1 text-sm text-primary hover:underline">
              <ExternalLink className="size-4" aria-hidden />{" "}
              {job.providerVideo.expiresAt
                ? t("failure.providerLinkUntil", { until: format.dateTimeWithZone(job.providerVideo.expiresAt) })
                : t("failure.providerLink")}
            </a>
          ) : null}
        </div>
  );
}
