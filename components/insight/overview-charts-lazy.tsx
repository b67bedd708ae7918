"use client";

import dynamic from "next/dynamic";

/** The charts' code (recharts) is fetched after the page has painted; the figures beside them are server-rendered. */
const placeholder = (height: string) =>
  function ChartPlaceholder() {
    return <div className={`${height} w-full animate-pulse rounded-md bg-muted`} aria-label="Loading chart" />;
  };

export const LazyReviewChart = dynamic(() => import("@/components/insight/overview-charts").then((m) => m.ReviewChart), { ssr: false, loading: placeholder("h-64") });
export const LazyJobsChart = dynamic(() => import("@/components/insight/overview-charts").then((m) => m.JobsChart), { ssr: false, loading: placeholder("h-56") });
