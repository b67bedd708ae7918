import { z } from "zod";
import {
  defaultGalleryTab,
  defaultGalleryView,
  filterKeys,
  type GalleryFilters,
  type GalleryView,
  galleryFilterReaders,
  readGalleryView,
} from "@/lib/assets/gallery-filters";
import type { QueryRead } from "@/lib/url-state/query-readers";

/** A query value as the browser's URL state reads it (the same reader): what the reader refuses fails here too. */
function readWith<T>(read: QueryRead<T>) {
  return z.string().transform((raw, ctx) => {
    const value = read(raw);
    if (value === null) {
      ctx.addIssue({ code: "custom", message: "Not a value this filter takes." });
      return z.NEVER;
    }
    return value;
  });
}

const r = galleryFilterReaders;
/** The gallery's filters in a URL; a malformed one is dropped (the tab falls back to "all"). */
export const galleryFiltersSchema = z.object({
  tab: readWith(r.tab).catch(defaultGalleryTab),
  type: readWith(r.type).optional().catch(undefined),
  group: readWith(r.group).optional().catch(undefined),
  project: readWith(r.project).optional().catch(undefined),
  who: readWith(r.who).optional().catch(undefined),
  from: readWith(r.from).optional().catch(undefined),
  to: readWith(r.to).optional().catch(undefined),
  q: readWith(r.q).optional().catch(undefined),
  reason: readWith(r.reason).optional().catch(undefined),
}) satisfies z.ZodType<GalleryFilters>;

export const galleryViewSchema = readWith(readGalleryView).catch(defaultGalleryView) satisfies z.ZodType<GalleryView>;

type ParamSource = URLSearchParams | Record<string, string | string[] | undefined>;

function read(source: ParamSource, key: string): string | undefined {
  if (source instanceof URLSearchParams) return source.get(key) ?? undefined;
  const value = source[key];
  return Array.isArray(value) ? value[0] : value;
}

/** URL search params (a page's `searchParams` or a request's) → filters; bad values are dropped. */
export function parseGalleryFilters(source: ParamSource): GalleryFilters {
  const raw: Record<string, string | undefined> = { tab: read(source, "tab") };
  for (const key of filterKeys) raw[key] = read(source, key) || undefined;
  return galleryFiltersSchema.parse(raw);
}

export function parseGalleryView(source: ParamSource): GalleryView {
  return galleryViewSchema.parse(read(source, "view"));
}
