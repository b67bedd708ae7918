import { z } from "zod";
import { AssetType } from "@/lib/generated/prisma/enums";

/**
 * What the gallery shows, as kept in its URL (`/gallery?tab=failed&type=IMAGE&q=hero`) so a
 * view can be shared. Browser-safe. Anything malformed in a URL is dropped, never an error.
 */
export const galleryTabs = ["approved", "in_review", "failed", "all"] as const;
export const galleryTabSchema = z.enum(galleryTabs);
export type GalleryTab = z.infer<typeof galleryTabSchema>;

export const galleryTabLabels: Record<GalleryTab, string> = {
  approved: "Approved",
  in_review: "In review",
  failed: "Failed",
  all: "All",
};

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)));
const id = z.string().trim().regex(/^[A-Za-z0-9_-]{1,64}$/);

export const galleryFiltersSchema = z.object({
  tab: galleryTabSchema.catch("all"),
  type: z.enum(AssetType).optional().catch(undefined),
  group: id.optional().catch(undefined),
  project: z.string().trim().min(1).max(255).optional().catch(undefined),
  /** A member's user id, or "me". */
  who: id.optional().catch(undefined),
  /** Created on or after this day (UTC). */
  from: day.optional().catch(undefined),
  /** Created on or before this day (UTC). */
  to: day.optional().catch(undefined),
  /** Part of the asset's name. */
  q: z.string().trim().min(1).max(100).optional().catch(undefined),
  /** The provider's failure code (the Overview's rejection reasons link here). */
  reason: z.string().trim().regex(/^[A-Za-z0-9_.:-]{1,128}$/).optional().catch(undefined),
});
export type GalleryFilters = z.infer<typeof galleryFiltersSchema>;

export const galleryViewSchema = z.enum(["grid", "list"]).catch("grid");
export type GalleryView = z.infer<typeof galleryViewSchema>;

export const filterKeys = ["type", "group", "project", "who", "from", "to", "q", "reason"] as const;

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
