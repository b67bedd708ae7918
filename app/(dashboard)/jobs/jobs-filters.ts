import type { z } from "zod";
import { listVideoJobsQuerySchema } from "@/lib/generation/list-video-jobs.validation";

/** The Jobs page's filters as kept in its URL: the list route's own schema, less paging. */
export const jobsFiltersSchema = listVideoJobsQuerySchema.pick({ status: true, mine: true, model: true, q: true });
export type JobsFilters = z.output<typeof jobsFiltersSchema>;

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
