"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { Loader2, Search } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { JobProgressBar } from "@/components/generation/job-progress-bar";
import { ReferenceThumbnails } from "@/components/generation/reference-thumbnails";
import { RelativeTime } from "@/components/ui/relative-time";
import { useJobFinishNotice } from "@/components/generation/use-job-finish-notice";
import { VideoJobStatusBadge } from "@/components/generation/video-job-status-badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Input, Select } from "@/components/ui/input";
import { type VideoJobStatusFilter, isFinishedVideoJob, videoJobStateLabels } from "@/lib/generation/video-job-states";
import type { VideoJobView } from "@/lib/generation/video-job-view";
import { cn } from "@/lib/utils";

type Filters = { status: VideoJobStatusFilter; mine: boolean; model: string; q: string };
type Page = { items: VideoJobView[]; nextCursor: string | null; models: string[] };

const statusTabs: { value: VideoJobStatusFilter; label: string }[] = [
  { value: "all", label: "All" },
  { value: "active", label: "Running" },
  { value: "succeeded", label: "Ready" },
  { value: "failed", label: "Failed" },
];

function queryString(filters: Filters, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams(extra);
  if (filters.status !== "all") params.set("status", filters.status);
  if (filters.mine) params.set("mine", "1");
  if (filters.model) params.set("model", filters.model);
  if (filters.q.trim()) params.set("q", filters.q.trim());
  return params.toString();
}

function JobRow({ job }: { job: VideoJobView }) {
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
          <p className={cn("line-clamp-2 text-sm", job.prompt ? "" : "text-muted-foreground italic")}>{job.prompt ?? "No prompt"}</p>
          <p className="mt-1 flex flex-wrap gap-x-2 text-xs text-muted-foreground">
            <span>{job.model}</span>
            <span>
              {job.params.duration} s · {job.params.aspectRatio} · {job.params.resolution}
            </span>
            <span>
              {job.createdBy?.name ?? job.createdBy?.email ?? "Someone"}, <RelativeTime iso={job.createdAt} />
            </span>
          </p>
          {job.error && !running ? <p className="mt-1 line-clamp-1 text-xs text-destructive">{job.error.message}</p> : null}
        </div>
        <div className="flex w-full shrink-0 flex-col items-start gap-2 sm:w-40 sm:items-end">
          <VideoJobStatusBadge state={job.state} />
          {running ? <JobProgressBar value={job.progress} indeterminate={job.state !== "RUNNING"} label={`${videoJobStateLabels[job.state]}, ${job.progress}%`} /> : null}
        </div>
      </Link>
    </li>
  );
}

/** The team's jobs with filters; polls while any of them is unfinished. */
export function JobsList({ initial }: { initial: Filters }) {
  const router = useRouter();
  const [filters, setFilters] = useState<Filters>(initial);
  const [search, setSearch] = useState(initial.q);
  useEffect(() => {
    const timer = setTimeout(() => setFilters((f) => (f.q === search ? f : { ...f, q: search })), 300);
    return () => clearTimeout(timer);
  }, [search]);
  useEffect(() => {
    const qs = queryString(filters);
    window.history.replaceState(null, "", qs ? `/jobs?${qs}` : "/jobs");
  }, [filters]);

  const query = useInfiniteQuery({
    queryKey: ["video-jobs", filters],
    initialPageParam: "",
    queryFn: async ({ pageParam, signal }): Promise<Page> => {
      const res = await fetch(`/api/video-jobs?${queryString(filters, pageParam ? { cursor: pageParam } : {})}`, { signal });
      const body = await res.json();
      if (!res.ok) throw new Error(body?.error?.message ?? "The jobs could not be loaded.");
      return body as Page;
    },
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    refetchInterval: (q) => (q.state.data?.pages.some((p) => p.items.some((j) => !isFinishedVideoJob(j.state))) ? 3_000 : 15_000),
    refetchIntervalInBackground: true,
  });
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  const models = query.data?.pages[0]?.models ?? [];
  useJobFinishNotice(items, (id) => router.push(`/jobs/${id}`));

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-col gap-3 lg:flex-row lg:items-center">
        <div role="tablist" aria-label="Status" className="flex gap-1 overflow-x-auto rounded-lg bg-muted p-1">
          {statusTabs.map((tab) => (
            <button
              key={tab.value}
              type="button"
              role="tab"
              aria-selected={filters.status === tab.value}
              onClick={() => setFilters((f) => ({ ...f, status: tab.value }))}
              className={cn(
                "rounded-md px-3 py-1.5 text-sm font-medium whitespace-nowrap",
                filters.status === tab.value ? "bg-card text-foreground shadow-sm" : "text-muted-foreground hover:text-foreground",
              )}
            >
              {tab.label}
            </button>
          ))}
        </div>
        <div className="flex flex-1 flex-col gap-2 sm:flex-row sm:items-center">
          <div className="relative flex-1">
            <Search className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-muted-foreground" aria-hidden />
            <Input aria-label="Search prompts" placeholder="Search prompts" value={search} onChange={(e) => setSearch(e.target.value)} className="pl-8" />
          </div>
          {models.length > 1 || filters.model ? (
            <Select aria-label="Model" value={filters.model} onChange={(e) => setFilters((f) => ({ ...f, model: e.target.value }))} className="sm:w-56">
              <option value="">All models</option>
              {models.map((m) => (
                <option key={m} value={m}>
                  {m}
                </option>
              ))}
            </Select>
          ) : null}
          <label className="flex items-center gap-2 text-sm whitespace-nowrap">
            <input type="checkbox" checked={filters.mine} onChange={(e) => setFilters((f) => ({ ...f, mine: e.target.checked }))} className="size-4 accent-[var(--primary)]" />
            Only mine
          </label>
        </div>
      </div>

      <Card>
        {query.isPending ? (
          <div className="flex items-center gap-2 p-8 text-sm text-muted-foreground">
            <Loader2 className="size-4 animate-spin" aria-hidden /> Loading jobs…
          </div>
        ) : query.isError ? (
          <p role="alert" className="p-8 text-sm text-destructive">
            {query.error.message}
          </p>
        ) : items.length === 0 ? (
          <div className="p-10 text-center text-sm text-muted-foreground">
            {filters.status !== "all" || filters.mine || filters.model || filters.q ? (
              "No job matches these filters."
            ) : (
              <>
                No videos yet.{" "}
                <Link href="/generate" className="text-primary underline-offset-4 hover:underline">
                  Make the first one
                </Link>
                .
              </>
            )}
          </div>
        ) : (
          <ul className="divide-y divide-border" data-testid="jobs-list">
            {items.map((job) => (
              <JobRow key={job.id} job={job} />
            ))}
          </ul>
        )}
      </Card>
      {query.hasNextPage ? (
        <Button type="button" variant="outline" className="self-center" disabled={query.isFetchingNextPage} onClick={() => query.fetchNextPage()}>
          {query.isFetchingNextPage ? "Loading…" : "Show more"}
        </Button>
      ) : null}
    </div>
  );
}
