"use client";

import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";

/** The charts' code (recharts) is fetched after the page has painted; the figures beside them are server-rendered. */
const placeholder = (height: string) =>
  function ChartPlaceholder() {
    const t = useTranslations("insight");
    return <div className={`${height} w-full animate-pulse rounded-md bg-muted`} aria-label={t("loadingChart")} />;
  };

export const LazyReviewChart = dynamic(() => import("@/components/insight/overview-charts").then((m) => m.ReviewChart), { ssr: false, loading: placeholder("h-64") });
export const LazyJobsChart = dynamic(() => import("@/components/insight/overview-charts").then((m) => m.JobsChart), { ssr: false, loading: placeholder("h-56") });
