"use client";

import { lazyClient } from "@/components/ui/lazy-client";
import { useTranslations } from "next-intl";

/** The charts' code (recharts) is fetched after the page has painted; the figures beside them are server-rendered. */
const placeholder = (height: string) =>
  function ChartPlaceholder() {
    const t = useTranslations("insight");
    return <div className={`${height} w-full animate-pulse rounded-md bg-muted`} aria-label={t("loadingChart")} />;
  };

export const LazyReviewChart = lazyClient(() => import("@/components/insight/overview-charts").then((m) => m.ReviewChart), placeholder("h-64"));
export const LazyJobsChart = lazyClient(() => import("@/components/insight/overview-charts").then((m) => m.JobsChart), placeholder("h-56"));
