"use client";

import { JobFinishWatcher } from "@/components/generation/job-finish-watcher";
import { ReviewFinishWatcher } from "@/components/generation/review-finish-watcher";

/** The finish notices every dashboard page carries: video jobs and reviews. */
export function FinishWatchers() {
  return (
    <>
      <JobFinishWatcher />
      <ReviewFinishWatcher />
    </>
  );
}
