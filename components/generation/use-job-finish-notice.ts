"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { toast } from "@/components/ui/toast";
import type { VideoJobState } from "@/lib/generated/prisma/enums";
import { isFinishedVideoJob } from "@/lib/generation/video-job-states";
import { notifyInBrowser } from "@/components/generation/watch-interval";

type Watched = { id: string; state: VideoJobState; prompt: string | null; error: { message: string } | null };

/** The `notifications` namespace's translator, as `useJobNoticeTranslator()` returns it. */
export type JobNoticeTranslator = ReturnType<typeof useTranslations<"notifications">>;

/** The translator `announceFinishedJob` needs; call it in the component that announces. */
export function useJobNoticeTranslator(): JobNoticeTranslator {
  const t = useTranslations("notifications");
  return t;
}

// translator t: notifications
/** A toast, and a browser notification when the user allowed them, for a job that finished. */
export function announceFinishedJob(job: Watched, open: (id: string) => void, t: JobNoticeTranslator): void {
  const title = job.state === "SUCCEEDED" ? t("job.ready") : job.state === "CANCELLED" ? t("job.cancelled") : t("job.failed");
  const what = job.prompt ? t("job.prompt", { prompt: job.prompt.length > 60 ? `${job.prompt.slice(0, 57)}…` : job.prompt }) : t("job.yourVideo");
  const description = job.state === "SUCCEEDED" ? what : (job.error?.message ?? what);
  const action = { label: t("open"), onClick: () => open(job.id) };
  // One toast per job, however many watchers on the page saw it finish.
  const id = `video-job-${job.id}`;
  if (job.state === "SUCCEEDED") toast.success(title, { id, description, action });
  else toast.error(title, { id, description, action });
  notifyInBrowser(title, description, `video-job-${job.id}`, () => open(job.id));
}

/**
 * Watches jobs as they are polled and announces each one the moment it finishes (not the ones
 * that were already finished when the page opened).
 */
export function useJobFinishNotice(jobs: readonly Watched[] | undefined, open: (id: string) => void): void {
  const t = useJobNoticeTranslator();
  const seen = useRef(new Map<string, VideoJobState>());
  const openRef = useRef(open);
  openRef.current = open;
  const tRef = useRef(t);
  tRef.current = t;
  useEffect(() => {
    if (!jobs) return;
    for (const job of jobs) {
      const before = seen.current.get(job.id);
      if (before !== undefined && !isFinishedVideoJob(before) && isFinishedVideoJob(job.state)) announceFinishedJob(job, openRef.current, tRef.current);
      seen.current.set(job.id, job.state);
    }
  }, [jobs]);
}
