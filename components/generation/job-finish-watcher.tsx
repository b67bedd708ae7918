"use client";

import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { announceFinishedJob, useJobNoticeTranslator } from "@/components/generation/use-job-finish-notice";
import { keepRunningJobs, readRunningJobs } from "@/components/generation/running-jobs";
import { getJson, watchInterval } from "@/components/generation/watch-interval";
import type { VideoJobView } from "@/lib/generation/video-job-view";

type ListAnswer = { items: VideoJobView[] };

/**
 * Announces the signed-in user's video jobs as they finish, whatever page is open. It reads
 * our own routes only: the user's running jobs (see `watchInterval` for how often); a job
 * that leaves the running list is read once for its outcome.
 */
export function JobFinishWatcher() {
  const router = useRouter();
  const t = useJobNoticeTranslator();
  // Jobs seen running, kept in the tab's session: a job that finishes while the next page
  // loads (a reload, a link opened in place) is still news there.
  const running = useRef<Set<string> | null>(null);
  const query = useQuery({
    queryKey: ["video-jobs", "mine-active"],
    queryFn: () => getJson<ListAnswer>("/api/video-jobs?status=active&mine=1&limit=50"),
    refetchInterval: (q) => watchInterval((q.state.data?.items.length ?? 0) > 0),
    refetchIntervalInBackground: true,
    retry: false,
  });

  useEffect(() => {
    const items = query.data?.items;
    if (!items) return;
    const now = new Set(items.map((j) => j.id));
    // What this page saw running, and what the tab's session kept (earlier pages, jobs just started).
    const kept = readRunningJobs();
    const before = running.current || kept ? new Set([...(running.current ?? []), ...(kept ?? [])]) : null;
    running.current = now;
    keepRunningJobs(now);
    if (!before) return; // jobs that finished before this tab watched them are not news
    for (const id of before) {
      if (now.has(id)) continue;
      getJson<{ job: VideoJobView }>(`/api/video-jobs/${id}`)
        .then(({ job }) => announceFinishedJob(job, (jobId) => router.push(`/jobs/${jobId}`), t))
        .catch(() => {});
    }
  }, [query.data, router, t]);

  return null;
}
