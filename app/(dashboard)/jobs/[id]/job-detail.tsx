"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { AlertCircle, ArrowLeft, Copy, Download, ExternalLink, HardDrive, Loader2, RotateCcw } from "lucide-react";
import { useAction } from "next-safe-action/hooks";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { AssetThumbnail } from "@/components/assets/asset-thumbnail";
import { JobProgressBar } from "@/components/generation/job-progress-bar";
import { NotificationToggle } from "@/components/generation/notification-toggle";
import { RelativeTime } from "@/components/ui/relative-time";
import { formatDateTime as dateTime } from "@/lib/format";
import { useJobFinishNotice } from "@/components/generation/use-job-finish-notice";
import { VideoJobStatusBadge } from "@/components/generation/video-job-status-badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { retryVideoJobAction } from "@/lib/generation/retry-video-job.action";
import { isFinishedVideoJob } from "@/lib/generation/video-job-states";
import type { VideoJobView } from "@/lib/generation/video-job-view";
import { type ReferenceRole, roleLabels } from "@/lib/generation/video-rules";

function progressText(job: VideoJobView): string {
  if (job.state === "UNCERTAIN") {
    return job.uncertain?.waitsForPerson ? "The provider's answer is not known: this job waits for you." : "The provider's answer is not known yet; asking it again…";
  }
  if (job.state === "QUEUED") return job.error ? "Waiting to send the request to the provider…" : "Sending the request to the provider…";
  if (job.state === "SENT") return "Waiting for the provider to start…";
  if (job.progress >= 100) return "Done at the provider; copying the video to our storage…";
  return `Generating… ${job.progress}%`;
}

function Parameter({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="flex justify-between gap-4 py-1.5 text-sm">
      <dt className="text-muted-foreground">{label}</dt>
      <dd className="min-w-0 text-right font-medium break-words">{children}</dd>
    </div>
  );
}

/** A job: progress while it runs, then the video, its download and last frame; or why it failed. */
export function JobDetail({ initialJob, canViewRaw }: { initialJob: VideoJobView; canViewRaw: boolean }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const { data: job } = useQuery({
    queryKey: ["video-job", initialJob.id],
    initialData: initialJob,
    queryFn: async ({ signal }) => {
      const res = await fetch(`/api/video-jobs/${initialJob.id}`, { signal });
      const body = await res.json();
      if (!res.ok) throw new Error(body?.error?.message ?? "The job could not be loaded.");
      return body.job as VideoJobView;
    },
    refetchInterval: (q) => (q.state.data && isFinishedVideoJob(q.state.data.state) ? false : 2_000),
    refetchIntervalInBackground: true,
  });
  useJobFinishNotice([job], (id) => router.push(`/jobs/${id}`));

  const retry = useAction(retryVideoJobAction, {
    onSuccess: ({ data }) => {
      if (!data) return;
      if (data.state === "SEND_FAILED") toast.error("The video could not be started", { description: data.error ?? undefined });
      else if (data.state === "UNCERTAIN") toast.warning("The provider's answer is still not known", { description: data.error ?? undefined });
      else toast.success(data.jobId === job.id ? "The job goes on" : "Video started again");
      if (data.jobId === job.id) void queryClient.invalidateQueries({ queryKey: ["video-job", job.id] });
      else router.push(`/jobs/${data.jobId}`);
    },
    onError: ({ error }) => toast.error("Retry failed", { description: error.serverError ?? "Please try again." }),
  });

  const running = !isFinishedVideoJob(job.state);
  const canRetry = job.state === "FAILED" || job.state === "CANCELLED" || job.state === "SEND_FAILED";
  /** An unanswered send waiting for a person: ask again under the same key, or (without keys) resend knowingly. */
  const canResolve = job.state === "UNCERTAIN" && job.uncertain?.waitsForPerson === true;
  const resendMayDuplicate = job.uncertain?.resendMayDuplicate === true;
  const p = job.params;

  return (
    <div className="max-w-6xl">
      <Link href="/jobs" className="mb-3 inline-flex items-center gap-1 text-sm text-muted-foreground hover:text-foreground">
        <ArrowLeft className="size-4" aria-hidden /> All jobs
      </Link>
      <div className="mb-6 flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0">
          <div className="flex flex-wrap items-center gap-2">
            <h1 className="text-2xl font-semibold tracking-tight">Video job</h1>
            <VideoJobStatusBadge state={job.state} />
          </div>
          <p className="mt-1 text-sm text-muted-foreground">
            {job.createdBy?.name ?? job.createdBy?.email ?? "Someone"} started it <RelativeTime iso={job.createdAt} />
            {job.params.source === "one-click" ? " with the team's defaults" : ""}.
            {job.params.retryOfId ? (
              <>
                {" "}
                It retries{" "}
                <Link href={`/jobs/${job.params.retryOfId}`} className="text-primary underline-offset-4 hover:underline">
                  an earlier job
                </Link>
                .
              </>
            ) : null}
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          {canRetry ? (
            <Button type="button" disabled={retry.isPending} onClick={() => retry.execute({ jobId: job.id })}>
              {retry.isPending ? <Loader2 className="animate-spin" aria-hidden /> : <RotateCcw aria-hidden />}
              Retry
            </Button>
          ) : null}
          {canResolve ? (
            <Button
              type="button"
              variant={resendMayDuplicate ? "destructive" : "default"}
              disabled={retry.isPending}
              data-testid="resend-uncertain"
              onClick={() => {
                if (resendMayDuplicate && !window.confirm("The provider may already have started this video. Sending again may make, and bill, a second one. Send again?")) return;
                retry.execute({ jobId: job.id, resendUncertain: resendMayDuplicate });
              }}
            >
              {retry.isPending ? <Loader2 className="animate-spin" aria-hidden /> : <RotateCcw aria-hidden />}
              {resendMayDuplicate ? "Resend anyway" : "Ask the provider again"}
            </Button>
          ) : null}
          <Button asChild variant="outline">
            <Link href={`/generate?from=${job.id}`}>
              <Copy aria-hidden /> Duplicate
            </Link>
          </Button>
        </div>
      </div>

      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_340px]">
        <div className="flex flex-col gap-6">
          <Card>
            <CardContent className="p-0">
              {running ? (
                <div className="flex flex-col gap-4 p-6" data-testid="job-progress">
                  <div className="flex items-baseline justify-between gap-4">
                    <span className="text-sm font-medium" aria-live="polite">
                      {progressText(job)}
                    </span>
                    <span className="text-sm text-muted-foreground tabular-nums">{job.state === "RUNNING" ? `${job.progress}%` : ""}</span>
                  </div>
                  <JobProgressBar value={job.progress} indeterminate={job.state !== "RUNNING"} label="Generation progress" />
                  {(job.state === "UNCERTAIN" || job.state === "QUEUED") && job.error ? (
                    <div role="status" className="flex gap-3 rounded-md border border-warning/40 bg-warning/10 p-4 text-sm" data-testid="job-uncertain">
                      <AlertCircle className="mt-0.5 size-5 shrink-0" aria-hidden />
                      <div>
                        <p>{job.error.message}</p>
                        {job.uncertain?.nextTryAt ? (
                          <p className="mt-1 text-muted-foreground">
                            Next try <RelativeTime iso={job.uncertain.nextTryAt} />.
                          </p>
                        ) : null}
                      </div>
                    </div>
                  ) : null}
                  <p className="text-xs text-muted-foreground">
                    Generation takes from about 30 seconds to several minutes. This page updates by itself, and you may leave it: the job goes on, and
                    the video is kept here when it is done.
                  </p>
                  <div>
                    <NotificationToggle />
                  </div>
                </div>
              ) : job.video ? (
                <div className="flex flex-col">
                  <div className="overflow-hidden rounded-t-lg bg-black">
                    <video
                      key={job.video.url}
                      src={job.video.url}
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
                        This video is kept in Avatar Studio&apos;s own storage, so it plays and downloads even after the provider&apos;s link
                        {job.providerVideo?.expiresAt ? ` expires (${dateTime(job.providerVideo.expiresAt)})` : " expires"}.
                      </span>
                    </p>
                    <Button asChild className="shrink-0">
                      <a href={job.video.downloadUrl} download>
                        <Download aria-hidden /> Download MP4
                      </a>
                    </Button>
                  </div>
                </div>
              ) : (
                <div className="flex flex-col gap-3 p-6">
                  <div role="alert" className="flex gap-3 rounded-md border border-destructive/40 bg-destructive/10 p-4 text-sm text-destructive" data-testid="job-error">
                    <AlertCircle className="mt-0.5 size-5 shrink-0" aria-hidden />
                    <div>
                      <p className="font-medium">
                        {job.state === "SEND_FAILED" ? "The request did not reach the provider." : job.state === "CANCELLED" ? "This job was cancelled." : "This video could not be made."}
                      </p>
                      <p className="mt-1">{job.error?.message ?? "No reason was given."}</p>
                      {job.error?.code ? <p className="mt-2 font-mono text-xs opacity-80">Code: {job.error.code}</p> : null}
                    </div>
                  </div>
                  {job.providerVideo ? (
                    <a href={job.providerVideo.url} target="_blank" rel="noreferrer" className="inline-flex items-center gap-1 text-sm text-primary hover:underline">
                      <ExternalLink className="size-4" aria-hidden /> The provider&apos;s link to the video
                      {job.providerVideo.expiresAt ? ` (until ${dateTime(job.providerVideo.expiresAt)})` : ""}
                    </a>
                  ) : null}
                </div>
              )}
            </CardContent>
          </Card>

          {job.lastFrame ? (
            <Card>
              <CardHeader>
                <CardTitle>Last frame</CardTitle>
              </CardHeader>
              <CardContent className="flex flex-col gap-3 sm:flex-row sm:items-end">
                {/* eslint-disable-next-line @next/next/no-img-element -- stored files are served as they are */}
                <img src={job.lastFrame.url} alt="The video's last frame" className="max-h-64 rounded-md border border-border object-contain" data-testid="last-frame" />
                <Button asChild variant="outline" size="sm">
                  <a href={job.lastFrame.downloadUrl} download>
                    <Download aria-hidden /> Download image
                  </a>
                </Button>
              </CardContent>
            </Card>
          ) : null}

          {canViewRaw && job.raw !== undefined && job.raw !== null ? (
            <details className="rounded-lg border border-border bg-card p-4 text-sm">
              <summary className="cursor-pointer font-medium">The provider&apos;s last answer</summary>
              <pre className="mt-3 max-h-96 overflow-auto rounded bg-muted p-3 text-xs">{JSON.stringify(job.raw, null, 2)}</pre>
            </details>
          ) : null}
        </div>

        <div className="flex flex-col gap-6">
          <Card>
            <CardHeader>
              <CardTitle>Prompt</CardTitle>
            </CardHeader>
            <CardContent>
              <p className="text-sm whitespace-pre-wrap" data-testid="job-prompt">
                {job.prompt ?? <span className="text-muted-foreground italic">No prompt</span>}
              </p>
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>References</CardTitle>
            </CardHeader>
            <CardContent>
              {job.references.length === 0 ? (
                <p className="text-sm text-muted-foreground">None: the video was made from the prompt alone.</p>
              ) : (
                <ul className="flex flex-col gap-2" data-testid="job-references">
                  {job.references.map((r, i) => (
                    <li key={`${r.assetId}-${i}`} className="flex items-center gap-3">
                      <AssetThumbnail look="tile" type={r.type} thumbnailUrl={r.thumbnailUrl} name={r.name} className="size-12 shrink-0" />
                      <div className="min-w-0">
                        <div className="truncate text-sm font-medium">{r.name}</div>
                        <div className="text-xs text-muted-foreground">{roleLabels[r.role as ReferenceRole] ?? r.role}</div>
                      </div>
                    </li>
                  ))}
                </ul>
              )}
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>Parameters</CardTitle>
            </CardHeader>
            <CardContent>
              <dl className="divide-y divide-border" data-testid="job-parameters">
                <Parameter label="Model">{job.model}</Parameter>
                <Parameter label="Duration">{p.duration} s</Parameter>
                <Parameter label="Aspect ratio">{p.aspectRatio}</Parameter>
                <Parameter label="Resolution">{p.resolution}</Parameter>
                <Parameter label="Audio">{p.generateAudio ? "Generated" : "None"}</Parameter>
                <Parameter label="Seed">{p.seed ?? "Random"}</Parameter>
                <Parameter label="Last frame">{p.returnLastFrame ? "Returned" : "Not asked for"}</Parameter>
                <Parameter label="Started">{dateTime(job.createdAt)}</Parameter>
                {job.finishedAt ? <Parameter label="Finished">{dateTime(job.finishedAt)}</Parameter> : null}
                {job.providerTaskId ? (
                  <Parameter label="Provider task">
                    <span className="font-mono text-xs">{job.providerTaskId}</span>
                  </Parameter>
                ) : null}
              </dl>
            </CardContent>
          </Card>
        </div>
      </div>
    </div>
  );
}
