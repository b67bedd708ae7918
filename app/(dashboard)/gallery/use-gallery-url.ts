"use client";

import { useQueryStates } from "nuqs";
import { useCallback, useMemo } from "react";
import { useOpenAsset } from "@/components/gallery/use-open-asset";
import { z } from "zod";
import { type GalleryFilters, galleryFiltersSchema, galleryViewSchema } from "@/lib/assets/gallery-filters";
import { fromQueryValues, toQueryValues, zodQueryParser, zodQueryParsers } from "@/lib/url-state/zod-parsers";

/** How big the grid's cards are: the grid fits as many of that width as the screen holds. */
export const galleryDensities = ["small", "medium", "large"] as const;
export const galleryDensitySchema = z.enum(galleryDensities).catch("medium");
export type GalleryDensity = z.infer<typeof galleryDensitySchema>;

// Made from the schema the server reads, so a key added there is kept in the URL with no change here.
const filterParsers = zodQueryParsers(galleryFiltersSchema.shape);
const viewParsers = { view: zodQueryParser(galleryViewSchema), density: zodQueryParser(galleryDensitySchema) };

/**
 * The gallery's state in its URL: filters, view and card size, and the open asset
 * (`?asset=<id>`). Updates are shallow (the server page is not rendered again; React Query
 * fetches) and each change is a history entry, so back and forward step through them.
 */
export function useGalleryUrl() {
  const [values, setValues] = useQueryStates(filterParsers, { history: "push", shallow: true, scroll: false });
  const [layout, setLayout] = useQueryStates(viewParsers, { history: "push", shallow: true, scroll: false });
  const { assetId, openAsset, closeAsset } = useOpenAsset();

  const filters = useMemo(() => fromQueryValues(galleryFiltersSchema, values), [values]);
  const setFilters = useCallback(
    (next: GalleryFilters, { replace = false }: { replace?: boolean } = {}) =>
      void setValues(toQueryValues(galleryFiltersSchema, next) as Parameters<typeof setValues>[0], replace ? { history: "replace" } : undefined),
    [setValues],
  );
  return {
    filters,
    setFilters,
    view: galleryViewSchema.parse(layout.view ?? undefined),
    setView: (view: z.infer<typeof galleryViewSchema>) => void setLayout({ view: view === "grid" ? null : view }),
    density: galleryDensitySchema.parse(layout.density ?? undefined),
    setDensity: (density: GalleryDensity) => void setLayout({ density: density === "medium" ? null : density }),
    assetId,
    openAsset,
    closeAsset,
  };
}
