"use client";

import { useQueryStates } from "nuqs";
import { useCallback, useMemo } from "react";
import { useOpenAsset } from "@/components/gallery/use-open-asset";
import type { GalleryFilters, GalleryView } from "@/lib/assets/gallery-filters";
import { fromQueryValues, toQueryValues } from "@/lib/url-state/query-parsers";
import { type GalleryDensity, galleryFilterParsers, galleryLayoutParsers } from "./gallery-url-state";

/**
 * The gallery's state in its URL: filters, view and card size, and the open asset
 * (`?asset=<id>`). Updates are shallow (the server page is not rendered again; React Query
 * fetches) and each change is a history entry, so back and forward step through them.
 */
export function useGalleryUrl() {
  const [values, setValues] = useQueryStates(galleryFilterParsers, { history: "push", shallow: true, scroll: false });
  const [layout, setLayout] = useQueryStates(galleryLayoutParsers, { history: "push", shallow: true, scroll: false });
  const { assetId, openAsset, closeAsset } = useOpenAsset();

  const filters: GalleryFilters = useMemo(() => fromQueryValues(values), [values]);
  const setFilters = useCallback(
    (next: GalleryFilters, { replace = false }: { replace?: boolean } = {}) =>
      void setValues(toQueryValues(galleryFilterParsers, next) as Parameters<typeof setValues>[0], replace ? { history: "replace" } : undefined),
    [setValues],
  );
  return {
    filters,
    setFilters,
    view: layout.view,
    setView: (view: GalleryView) => void setLayout({ view: view === "grid" ? null : view }),
    density: layout.density,
    setDensity: (density: GalleryDensity) => void setLayout({ density: density === "medium" ? null : density }),
    assetId,
    openAsset,
    closeAsset,
  };
}
