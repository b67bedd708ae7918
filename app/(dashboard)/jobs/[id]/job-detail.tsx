"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { ArrowLeft } from "@/components/icons/arrow-left";
import { Copy } from "@/components/icons/copy";
import { Loader2 } from "@/components/icons/loader-2";
import { RotateCcw } from "@/components/icons/rotate-ccw";
import { useTranslations } from "next-intl";
import { useAction } from "@/lib/use-action";
import { lazyClient } from "@/components/ui/lazy-client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "@/components/ui/toast";
import { RelativeTime } from "@/components/ui/relative-time";
import { useJobFinishNotice } from "@/components/generation/use-job-finish-notice";
import { VideoJobStatusBadge } from "@/components/generation/video-job-status-badge";
import { Button, buttonVariants } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { retryVideoJobAction } from "@/lib/generation/retry-video-job.action";
import { isFinishedVideoJob } from "@/lib/generation/video-job-states";
import type { VideoJobView } from "@/lib/generation/video-job-view";
import { JobFacts } from "./job-facts";
import { DownloadButton, JobFailure, JobProgressPanel, JobVideo } from "./job-result";

const ConfirmDialog = lazyClient(() => import("@/components/assets/confirm-dialog").then((m) => m.ConfirmDialog));

/** A job: progress while it runs, then the video, its download and last frame; or why it failed. */
export function JobDetail({ initialJob, canViewRaw }: { initialJob: VideoJobView; canViewRaw: boolean }) {
  const t = useTranslations("jobs");
  const tg = useTranslations("generate");
  const router = useRouter();
  const queryClient = useQueryClient();
  const [confirmResend, setConfirmResend] = useState(false);
  const { data: job } = useQuery({
    queryKey: ["video-job", initialJob.id],
    initialData: initialJob,
    queryFn: async ({ signal }) => {
      const res = await fetch(`/api/video-jobs/${initialJob.id}`, { signal });
      const body = await res.json();
      if (!res.ok) throw new Error(body?.error?.message ?? t("job.loadFailed"));
      return body.job as VideoJobView;
    },
    // Stops once the job is finished; a tab out of view asks less often (it still hears the finish).
    refetchInterval: (q) => (q.state.data && isFinishedVideoJob(q.state.data.state) ? false : document.visibilityState === "hidden" ? 15_000 : 2_000),
    refetchIntervalInBackground: true,
  });
  useJobFinishNotice([job], (id) => router.push(`/jobs/${id}`));

  const retry = useAction(retryVideoJobAction, {
    onSuccess: ({ data }) => {
      if (!data) return;
      if (data.state === "SEND_FAILED") toast.error(tg("form.startFailed"), { description: data.error ?? undefined });
      else if (data.state === "UNCERTAIN") toast.warning(t("job.stillUnknown"), { description: data.error ?? undefined });
      else toast.success(data.jobId === job.id ? t("job.goesOn") : t("job.startedAgain"));
      if (data.jobId === job.id) void queryClient.invalidateQueries({ queryKey: ["video-job", job.id] });
      else router.push(`/jobs/${data.jobId}`);
    },
    onError: ({ error }) => toast.error(t("job.retryFailed"), { description: error.serverError ?? t("job.tryAgain") }),
  });

  const running = !isFinishedVideoJob(job.state);
  const startedBy = job.createdBy?.name ?? job.createdBy?.email ?? t("someone");
  const canRetry = job.state === "FAILED" || job.state === "CANCELLED" || job.state === "SEND_FAILED";
  /** An unanswered send waiting for a person: ask again under the same key, or (without keys) resend knowingly. */
  const canResolve = job.state === "UNCERTAIN" && job.uncertain?.waitsForPerson === true;
  const resendMayDuplicate = job.uncertain?.resendMayDuplicate === true;

  return (
    <div className="max-w-6xl">
      <Link href="/jobs" className="mb-3 inline-flex items-center gap-1 text-sm text-muted-foreground hover:text-foreground">
        <ArrowLeft className="size-4" aria-hidden /> {t("job.allJobs")}
      </Link>
      <div className="mb-6 flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0">
          <div className="flex flex-wrap items-center gap-2">
            <h1 className="text-2xl font-semibold tracking-tight">{t("job.title")}</h1>
            <VideoJobStatusBadge state={job.state} />
          </div>
          <p className="mt-1 text-sm text-muted-foreground">
            {job.params.source === "one-click"
              ? t.rich("job.startedByWithDefaults", { name: startedBy, when: () => <RelativeTime iso={job.createdAt} /> })
              : t.rich("job.startedBy", { name: startedBy, when: () => <RelativeTime iso={job.createdAt} /> })}
            {job.params.retryOfId ? (
              <>
                {" "}
                {t.rich("job.retries", {
                  link: (chunks) => (
                    <Link href={`/jobs/${job.params.retryOfId}`} className="text-primary underline-offset-4 hover:underline">
                      {chunks}
                    </Link>
                  ),
                })}
              </>
            ) : null}
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          {canRetry ? (
            <Button type="button" disabled={retry.isPending} onClick={() => retry.execute({ jobId: job.id })}>
              {retry.isPending ? <Loader2 className="animate-spin" aria-hidden /> : <RotateCcw aria-hidden />}
              {t("job.retry")}
            </Button>
          ) : null}
          {canResolve ? (
            <Button
              type="button"
              variant={resendMayDuplicate ? "destructive" : "default"}
              disabled={retry.isPending}
              data-testid="resend-uncertain"
              onClick={() => {
                if (resendMayDuplicate) setConfirmResend(true);
                else retry.execute({ jobId: job.id, resendUncertain: false });
              }}
            >
              {retry.isPending ? <Loader2 className="animate-spin" aria-hidden /> : <RotateCcw aria-hidden />}
              {resendMayDuplicate ? t("job.resendAnyway") : t("job.askAgain")}
            </Button>
          ) : null}
          {confirmResend ? (
            <ConfirmDialog
              open
              onOpenChange={setConfirmResend}
              title={t("job.confirmResendTitle")}
              description={t("job.confirmResendBody")}
              confirmLabel={t("job.sendAgain")}
              destructive
              onConfirm={() => retry.execute({ jobId: job.id, resendUncertain: true })}
            />
          ) : null}
          <Link href={`/generate?from=${job.id}`} className={buttonVariants({ variant: "outline" })}>
            <Copy aria-hidden /> {t("job.duplicate")}
          </Link>
        </div>
      </div>

      <div className="grid grid-cols-1 items-start gap-6 lg:grid-cols-[minmax(0,1fr)_340px]">
        <div className="flex flex-col gap-6">
          <Card>
            <CardContent className="p-0">
              {running ? (
                <JobProgressPanel job={job} />
              ) : job.video ? (
                <JobVideo job={job} video={job.video} />
              ) : (
                <JobFailure job={job} />
              )}
            </CardContent>
          </Card>

          {job.lastFrame ? (
            <Card>
              <CardHeader>
                <CardTitle>{t("facts.lastFrame")}</CardTitle>
              </CardHeader>
              <CardContent className="flex flex-col gap-3 sm:flex-row sm:items-end">
                {/* eslint-disable-next-line @next/next/no-img-element -- stored files are served as they are */}
                <img src={job.lastFrame.url} alt={t("job.lastFrameAlt")} className="max-h-64 rounded-md border border-border object-contain" data-testid="last-frame" />
                <DownloadButton href={job.lastFrame.downloadUrl} variant="outline" size="sm">
                  {t("job.downloadImage")}
                </DownloadButton>
              </CardContent>
            </Card>
          ) : null}

          {canViewRaw && job.raw !== undefined && job.raw !== null ? (
            <details className="rounded-lg border border-border bg-card p-4 text-sm">
              <summary className="cursor-pointer font-medium">{t("job.rawAnswer")}</summary>
              <pre className="mt-3 max-h-96 overflow-auto rounded bg-muted p-3 text-xs">{JSON.stringify(job.raw, null, 2)}</pre>
            </details>
          ) : null}
        </div>

        <JobFacts job={job} />
      </div>
    </div>
  );
}
