import type { ListVideoJobsQuery } from "@/lib/generation/list-video-jobs.validation";
import { defaultVideoJobStatusFilter, videoJobFilterReaders } from "@/lib/generation/video-job-filters";
import { queryParser } from "@/lib/url-state/query-parsers";

/** The Jobs page's filters as kept in its URL: the list route's query, less paging. */
export type JobsFilters = Pick<ListVideoJobsQuery, "status" | "mine" | "model" | "q">;

/** The filters' URL state, read by the same readers the list route's schema is built on. */
export const jobsFilterParsers = {
  status: queryParser(videoJobFilterReaders.status).withDefault(defaultVideoJobStatusFilter),
  mine: queryParser(videoJobFilterReaders.mine).withDefault(false),
  model: queryParser(videoJobFilterReaders.model),
  q: queryParser(videoJobFilterReaders.q),
} satisfies Record<keyof JobsFilters, unknown>;

/** Filters (plus paging) → the list route's query string, leaving defaults out. */
export function jobsQueryString(filters: Partial<JobsFilters> & Pick<JobsFilters, "status" | "mine">, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams(extra);
  if (filters.status !== "all") params.set("status", filters.status);
  if (filters.mine) params.set("mine", "1");
  if (filters.model) params.set("model", filters.model);
  if (filters.q?.trim()) params.set("q", filters.q.trim());
  return params.toString();
}

/** Whether any filter narrows the list. */
export function jobsFiltered(filters: Partial<JobsFilters> & Pick<JobsFilters, "status" | "mine">): boolean {
  return filters.status !== "all" || filters.mine || !!filters.model || !!filters.q;
}
