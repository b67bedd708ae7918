"use client";

import { type ComponentType, useEffect, useState } from "react";
import { afterPageLoad } from "@/components/ui/after-page-load";

/**
 * The finish notices every dashboard page carries: video jobs and reviews. They show nothing
 * until something finishes, so their code (and the query observer they poll with) loads
 * after the page's load event rather than with the page.
 */
export function FinishWatchers() {
  const [Watchers, setWatchers] = useState<ComponentType | null>(null);
  useEffect(
    () =>
      afterPageLoad(() => {
        void import("@/components/generation/finish-watcher-list").then(({ default: List }) => setWatchers(() => List));
      }),
    [],
  );
  return Watchers ? <Watchers /> : null;
}
