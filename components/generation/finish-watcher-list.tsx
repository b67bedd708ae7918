"use client";

import { JobFinishWatcher } from "@/components/generation/job-finish-watcher";
import { ReviewFinishWatcher } from "@/components/generation/review-finish-watcher";

/** The watchers themselves (loaded by finish-watchers.tsx after the page's load event). */
export default function FinishWatcherList() {
  return (
    <>
      <JobFinishWatcher />
      <ReviewFinishWatcher />
    </>
  );
}
