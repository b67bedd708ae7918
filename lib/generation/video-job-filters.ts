import { type VideoJobStatusFilter, videoJobStatusFilters } from "@/lib/generation/video-job-states";
import { oneOf, trimmedText } from "@/lib/url-state/query-readers";

/**
 * The Jobs page's filters as query parameters, browser-safe (no validation library): the list
 * route's schema (list-video-jobs.validation.ts) is built on these lists and limits, and the
 * page's URL state reads with the readers below, so the two take the same values.
 */
export const videoJobStatusFilterKeys = Object.keys(videoJobStatusFilters) as [VideoJobStatusFilter, ...VideoJobStatusFilter[]];
export const defaultVideoJobStatusFilter = "all" satisfies VideoJobStatusFilter;

/** `?mine=`: yes or no in these words; anything else is refused. */
export const mineValues = ["1", "0", "true", "false"] as const;
export const meansMine = (value: (typeof mineValues)[number] | undefined): boolean => value === "1" || value === "true";

/** At most this many characters, once trimmed (empty: no filter). */
export const videoJobFilterMaxChars = { model: 128, q: 200 } as const;

/** Each filter's URL value → its value, or null when it is empty or refused (the filter then reads as unset). */
export const videoJobFilterReaders = {
  status: oneOf(videoJobStatusFilterKeys),
  mine: (raw: string): boolean | null => {
    const value = oneOf(mineValues)(raw);
    return value === null ? null : meansMine(value);
  },
  model: trimmedText(videoJobFilterMaxChars.model),
  q: trimmedText(videoJobFilterMaxChars.q),
};
