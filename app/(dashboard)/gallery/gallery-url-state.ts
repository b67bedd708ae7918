import { parseAsStringLiteral } from "nuqs";
import { defaultGalleryTab, defaultGalleryView, galleryFilterReaders, galleryViews } from "@/lib/assets/gallery-filters";
import { queryParser } from "@/lib/url-state/query-parsers";

/**
 * The gallery's URL state as nuqs parsers, read by the same readers the server's schema checks
 * with (lib/assets/parse-gallery-filters.ts): a malformed value is dropped, and the tab falls
 * back to "all", in the browser as on the server. A key added there is added here too.
 */
const r = galleryFilterReaders;
export const galleryFilterParsers = {
  tab: queryParser(r.tab).withDefault(defaultGalleryTab),
  type: queryParser(r.type),
  group: queryParser(r.group),
  project: queryParser(r.project),
  who: queryParser(r.who),
  from: queryParser(r.from),
  to: queryParser(r.to),
  q: queryParser(r.q),
  reason: queryParser(r.reason),
} satisfies Record<keyof typeof galleryFilterReaders, unknown>;

/** How big the grid's cards are: the grid fits as many of that width as the screen holds. */
export const galleryDensities = ["small", "medium", "large"] as const;
export type GalleryDensity = (typeof galleryDensities)[number];

export const galleryLayoutParsers = {
  view: parseAsStringLiteral(galleryViews).withDefault(defaultGalleryView),
  density: parseAsStringLiteral(galleryDensities).withDefault("medium"),
};
