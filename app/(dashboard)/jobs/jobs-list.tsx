"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { Search } from "@/components/icons/search";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useQueryStates } from "nuqs";
import { useEffect, useId, useMemo, useRef, useState } from "react";
import { JobProgressBar } from "@/components/generation/job-progress-bar";
import { ReferenceThumbnails } from "@/components/generation/reference-thumbnails";
import { RelativeTime } from "@/components/ui/relative-time";
import { useJobFinishNotice } from "@/components/generation/use-job-finish-notice";
import { VideoJobStatusBadge } from "@/components/generation/video-job-status-badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { DeferredFilterTabList, FilterTabPanel } from "@/components/ui/filter-tabs";
import { useStableCallback } from "@/components/ui/use-stable-callback";
import { Input, Select } from "@/components/ui/input";
import { type VideoJobStatusFilter, isFinishedVideoJob } from "@/lib/generation/video-job-states";
import { useFormat } from "@/lib/i18n/use-format";
import type { VideoJobView } from "@/lib/generation/video-job-view";
import { fromQueryValues, toQueryValues } from "@/lib/url-state/query-parsers";
import { cn } from "@/lib/utils";
import { JobsListSkeleton } from "./jobs-list-skeleton";
import { type JobsFilters, jobsFilterParsers, jobsFiltered, jobsQueryString } from "./jobs-filters";

export type JobsPage = { items: VideoJobView[]; nextCursor: string | null; models: string[] };

/** How often the list asks while a job of it runs; nothing is asked when none does. */
const RUNNING_POLL_MS = 3_000;

const statusTabs: readonly VideoJobStatusFilter[] = ["all", "active", "succeeded", "failed"];

function JobRow({ job }: { job: VideoJobView }) {
  const t = useTranslations("jobs");
  const format = useFormat();
  const running = !isFinishedVideoJob(job.state);
  return (
    <li>
      <Link
        href={`/jobs/${job.id}`}
        data-testid="job-row"
        className="flex flex-col gap-3 p-4 transition hover:bg-muted/50 focus-visible:bg-muted/50 focus-visible:outline-none sm:flex-row sm:items-center"
      >
        <ReferenceThumbnails references={job.references} />
        <div className="min-w-0 flex-1">
          <p className={cn("line-clamp-2 text-sm", job.prompt ? "" : "text-muted-foreground italic")} data-testid={job.prompt ? "job-row-prompt" : undefined}>
            {job.prompt ?? t("noPrompt")}
          </p>
          <p className="mt-1 flex flex-wrap gap-x-2 text-xs text-muted-foreground">
            <span className="break-all">{job.model}</span>
            <span>
              {t("params", { duration: job.params.duration, aspectRatio: job.params.aspectRatio, resolution: job.params.resolution })}
            </span>
            <span>
              {job.createdBy?.name ?? job.createdBy?.email ?? t("someone")}, <RelativeTime iso={job.createdAt} />
            </span>
          </p>
          {job.error && !running ? (
            <p className="mt-1 line-clamp-2 text-xs break-words text-destructive" title={job.error.message}>
              {job.error.message}
            </p>
          ) : null}
        </div>
        <div className="flex w-full shrink-0 flex-col items-start gap-2 sm:w-40 sm:items-end">
          <VideoJobStatusBadge state={job.state} />
          {running ? <JobProgressBar value={job.progress} indeterminate={job.state !== "RUNNING"} label={t("rowProgress", { state: t(`states.${job.state}`), progress: format.percent(job.progress / 100) })} /> : null}
        </div>
      </Link>
    </li>
  );
}

/**
 * The team's jobs with filters kept in the URL (shallow: the server page is not rendered
 * again, back and forward restore them). It opens with the page the server read, and polls
 * only while a job on screen is unfinished and the tab is in view.
 */
export function JobsList({ initialFilters, initialPage }: { initialFilters: JobsFilters; initialPage: JobsPage }) {
  const t = useTranslations("jobs");
  const router = useRouter();
  const id = useId();
  const [values, setValues] = useQueryStates(jobsFilterParsers, { history: "push", shallow: true, scroll: false });
  const filters: JobsFilters = useMemo(() => fromQueryValues(values), [values]);
  const update = (patch: Partial<JobsFilters>, history: "push" | "replace" = "push") =>
    void setValues(toQueryValues(jobsFilterParsers, { ...filters, ...patch }) as Parameters<typeof setValues>[0], { history });

  // The search box follows the URL (back and forward) and writes to it once typing pauses.
  const [search, setSearch] = useState(filters.q ?? "");
  const shownQ = useRef(filters.q);
  useEffect(() => {
    if (filters.q === shownQ.current) return;
    shownQ.current = filters.q;
    setSearch(filters.q ?? "");
  }, [filters.q]);
  useEffect(() => {
    const wanted = search.trim() || undefined;
    if (wanted === filters.q) return;
    const timer = setTimeout(() => {
      shownQ.current = wanted;
      update({ q: wanted }, "replace");
    }, 300);
    return () => clearTimeout(timer);
  });

  const key = jobsQueryString(filters);
  const initialKey = useRef(jobsQueryString(initialFilters));
  const query = useInfiniteQuery({
    queryKey: ["video-jobs", key],
    initialPageParam: "",
    queryFn: async ({ pageParam, signal }): Promise<JobsPage> => {
      const res = await fetch(`/api/video-jobs?${jobsQueryString(filters, pageParam ? { cursor: pageParam } : {})}`, { signal });
      const body = await res.json().catch(() => null);
      if (!res.ok) throw new Error(body?.error?.message ?? t("loadFailed"));
      return body as JobsPage;
    },
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    initialData: key === initialKey.current ? { pages: [initialPage], pageParams: [""] } : undefined,
    staleTime: key === initialKey.current ? 2_000 : 0,
    refetchInterval: (q) => (q.state.data?.pages.some((p) => p.items.some((j) => !isFinishedVideoJob(j.state))) ? RUNNING_POLL_MS : false),
    refetchIntervalInBackground: false,
  });
  // Stable: the tabs keep their server HTML until they hydrate (components/ui/filter-tabs.tsx).
  const chooseStatus = useStableCallback((status: string) => update({ status: status as VideoJobStatusFilter }));
  const tabs = useMemo(() => statusTabs.map((tab) => ({ value: tab, content: t(`filters.tabs.${tab}`) })), [t]);
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  const models = query.data?.pages[0]?.models ?? initialPage.models;
  useJobFinishNotice(items, (jobId) => router.push(`/jobs/${jobId}`));

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-col gap-3 lg:flex-row lg:items-end">
        <DeferredFilterTabList
          name="jobs"
          label={t("filters.status")}
          value={filters.status}
          tabs={tabs}
          onChange={chooseStatus}
          className="max-w-full min-w-0 self-start"
          listClassName="relative flex max-w-full gap-1 overflow-x-auto rounded-lg bg-muted p-1"
          tabClassName="rounded-md px-3 py-1.5 text-sm font-medium whitespace-nowrap text-muted-foreground hover:text-foreground focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring data-[state=active]:bg-card data-[state=active]:text-foreground data-[state=active]:shadow-sm"
        />
        <div className="flex flex-1 flex-col gap-3 sm:flex-row sm:flex-wrap sm:items-end">
          <div className="flex min-w-0 flex-1 flex-col gap-1">
            <label htmlFor={`${id}-q`} className="text-xs font-medium text-muted-foreground">
              {t("filters.search")}
            </label>
            <div className="relative">
              <Search className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-muted-foreground" aria-hidden />
              <Input id={`${id}-q`} type="search" value={search} onChange={(e) => setSearch(e.target.value)} className="pl-8" />
            </div>
          </div>
          {models.length > 1 || filters.model ? (
            <div className="flex flex-col gap-1 sm:w-56">
              <label htmlFor={`${id}-model`} className="text-xs font-medium text-muted-foreground">
                {t("filters.model")}
              </label>
              <Select id={`${id}-model`} value={filters.model ?? ""} onChange={(e) => update({ model: e.target.value || undefined })}>
                <option value="">{t("filters.allModels")}</option>
                {models.map((m) => (
                  <option key={m} value={m}>
                    {m}
                  </option>
                ))}
              </Select>
            </div>
          ) : null}
          <label className="flex h-9 items-center gap-2 text-sm whitespace-nowrap">
            <input type="checkbox" checked={filters.mine} onChange={(e) => update({ mine: e.target.checked })} className="size-4 accent-[var(--primary)]" />
            {t("filters.onlyMine")}
          </label>
        </div>
      </div>

      <FilterTabPanel name="jobs" value={filters.status} className="flex flex-col gap-4">
        {query.isPending ? (
          <JobsListSkeleton />
        ) : (
          <Card>
            {query.isError && items.length === 0 ? (
              <p role="alert" className="p-8 text-sm text-destructive">
                {query.error.message}
              </p>
            ) : items.length === 0 ? (
              <div className="p-10 text-center text-sm text-muted-foreground">
                {jobsFiltered(filters)
                  ? t("noMatch")
                  : t.rich("empty", {
                      link: (chunks) => (
                        <Link href="/generate" className="text-primary underline underline-offset-4">
                          {chunks}
                        </Link>
                      ),
                    })}
              </div>
            ) : (
              <ul className="divide-y divide-border" data-testid="jobs-list">
                {items.map((job) => (
                  <JobRow key={job.id} job={job} />
                ))}
              </ul>
            )}
          </Card>
        )}
        {query.hasNextPage ? (
          <Button type="button" variant="outline" className="self-center" disabled={query.isFetchingNextPage} onClick={() => query.fetchNextPage()}>
            {query.isFetchingNextPage ? t("loadingMore") : t("showMore")}
          </Button>
        ) : null}
      </FilterTabPanel>
    </div>
  );
}
