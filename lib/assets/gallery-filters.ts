import { AssetType } from "@/lib/generated/prisma/enums";
import { oneOf, trimmedMatching, trimmedText } from "@/lib/url-state/query-readers";

/**
 * What the gallery shows, as kept in its URL (`/gallery?tab=failed&type=IMAGE&q=hero`) so a
 * view can be shared. Browser-safe (no validation library). Anything malformed in a URL is
 * dropped, never an error.
 */
export const galleryTabs = ["approved", "in_review", "failed", "all"] as const;
export type GalleryTab = (typeof galleryTabs)[number];

export const galleryTabLabels: Record<GalleryTab, string> = {
  approved: "Approved",
  in_review: "In review",
  failed: "Failed",
  all: "All",
};

export const filterKeys = ["type", "group", "project", "who", "from", "to", "q", "reason"] as const;
type FilterKey = (typeof filterKeys)[number];

/** A group's or a member's id. */
const readId = trimmedMatching(/^[A-Za-z0-9_-]{1,64}$/);

/** A day as YYYY-MM-DD (not trimmed), one the calendar has. */
function readDay(raw: string): string | null {
  return /^\d{4}-\d{2}-\d{2}$/.test(raw) && !Number.isNaN(Date.parse(`${raw}T00:00:00Z`)) ? raw : null;
}

/**
 * How each key's URL value is read: the value, or null when it is malformed (then it is
 * dropped). The browser's URL state reads with these (app/(dashboard)/gallery) and the
 * server's schema checks with them (parse-gallery-filters.ts), so the two cannot disagree.
 */
export const galleryFilterReaders = {
  tab: oneOf(galleryTabs),
  type: oneOf(Object.values(AssetType)),
  group: readId,
  project: trimmedText(255),
  /** A member's user id, or "me". */
  who: readId,
  /** Created on or after this day (UTC). */
  from: readDay,
  /** Created on or before this day (UTC). */
  to: readDay,
  /** Part of the asset's name. */
  q: trimmedText(100),
  /** The provider's failure code (the Overview's rejection reasons link here). */
  reason: trimmedMatching(/^[A-Za-z0-9_.:-]{1,128}$/),
} satisfies Record<"tab" | FilterKey, (raw: string) => string | null>;

/** The tab when none (or a malformed one) is given. */
export const defaultGalleryTab = "all" satisfies GalleryTab;

/** The gallery's filters: the tab, and each other filter when it is set. */
export type GalleryFilters = { tab: GalleryTab } & { [K in FilterKey]?: NonNullable<ReturnType<(typeof galleryFilterReaders)[K]>> };

export const galleryViews = ["grid", "list"] as const;
export type GalleryView = (typeof galleryViews)[number];
export const readGalleryView = oneOf(galleryViews);
export const defaultGalleryView = "grid" satisfies GalleryView;

/** Filters (and view) → search params, leaving defaults out so URLs stay short. */
export function galleryFiltersToSearchParams(filters: Partial<GalleryFilters>, view?: GalleryView): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.tab && filters.tab !== "all") params.set("tab", filters.tab);
  for (const key of filterKeys) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  if (view && view !== "grid") params.set("view", view);
  return params;
}

/** How many filters besides the tab are set. */
export function activeFilterCount(filters: GalleryFilters): number {
  return filterKeys.filter((key) => filters[key] !== undefined).length;
}

/**
 * Keyset cursor over (createdAt desc, id desc): the last row of a page. Opaque to the browser:
 * `<milliseconds>.<id>` in base64url.
 */
export type GalleryCursor = { createdAt: Date; id: string };

export function encodeCursor(cursor: GalleryCursor): string {
  return toBase64Url(`${cursor.createdAt.getTime()}.${cursor.id}`);
}

export function decodeCursor(value: string | null | undefined): GalleryCursor | null {
  if (!value || value.length > 200) return null;
  let text: string;
  try {
    text = fromBase64Url(value);
  } catch {
    return null;
  }
  const match = /^(\d{1,15})\.([A-Za-z0-9_-]{1,64})$/.exec(text);
  if (!match) return null;
  const createdAt = new Date(Number(match[1]));
  if (Number.isNaN(createdAt.getTime())) return null;
  return { createdAt, id: match[2]! };
}

export const GALLERY_PAGE_SIZE = 48;
export const GALLERY_MAX_PAGE_SIZE = 100;

/** `?limit=` → a page size within bounds. */
export function parsePageSize(value: string | null | undefined): number {
  const n = Number(value);
  if (!value || !Number.isInteger(n) || n < 1) return GALLERY_PAGE_SIZE;
  return Math.min(n, GALLERY_MAX_PAGE_SIZE);
}

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

function fromBase64Url(value: string): string {
  if (!/^[A-Za-z0-9_-]+$/.test(value)) throw new Error("not base64url");
  const padded = value.replaceAll("-", "+").replaceAll("_", "/") + "===".slice((value.length + 3) % 4);
  const binary = atob(padded);
  return new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}
