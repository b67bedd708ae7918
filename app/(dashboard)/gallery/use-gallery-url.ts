"use client";

import { parseAsString, useQueryState, useQueryStates } from "nuqs";
import { useCallback, useMemo, useRef } from "react";
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
const assetParser = parseAsString.withOptions({ history: "push" });

/**
 * The gallery's state in its URL: filters, view and card size, and the open asset
 * (`?asset=<id>`). Updates are shallow (the server page is not rendered again; React Query
 * fetches) and each change is a history entry, so back and forward step through them.
 */
export function useGalleryUrl() {
  const [values, setValues] = useQueryStates(filterParsers, { history: "push", shallow: true, scroll: false });
  const [layout, setLayout] = useQueryStates(viewParsers, { history: "push", shallow: true, scroll: false });
  const [assetId, setAssetId] = useQueryState("asset", assetParser);
  /** Whether the open drawer was opened here (a history entry of ours) rather than by a link. */
  const openedHere = useRef(false);

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
    openAsset: useCallback(
      (id: string) => {
        // Moving from one asset to another in the drawer replaces the entry: back closes the drawer.
        void setAssetId(id, openedHere.current && assetId ? { history: "replace" } : undefined);
        openedHere.current = true;
      },
      [setAssetId, assetId],
    ),
    closeAsset: useCallback(() => {
      // Closing what was opened here steps back, so back and the close button agree.
      if (openedHere.current) window.history.back();
      else void setAssetId(null, { history: "replace" });
      openedHere.current = false;
    }, [setAssetId]),
  };
}
