"use client";

import { parseAsString, useQueryState } from "nuqs";
import { useCallback, useRef } from "react";

const assetParser = parseAsString.withOptions({ history: "push", shallow: true, scroll: false });

/**
 * The asset open in the drawer, kept in the URL as `?asset=<id>`: a link opens it, and back
 * closes what was opened here. Needs a NuqsAdapter above it.
 */
export function useOpenAsset() {
  const [assetId, setAssetId] = useQueryState("asset", assetParser);
  /** Whether the drawer was opened here (a history entry of ours) rather than by a link. */
  const openedHere = useRef(false);
  const openAsset = useCallback(
    (id: string) => {
      // Moving from one asset to another in the drawer replaces the entry: back still closes it.
      void setAssetId(id, openedHere.current && assetId ? { history: "replace" } : undefined);
      openedHere.current = true;
    },
    [setAssetId, assetId],
  );
  const closeAsset = useCallback(() => {
    // Closing what was opened here steps back, so back and the close button agree.
    if (openedHere.current) window.history.back();
    else void setAssetId(null, { history: "replace" });
    openedHere.current = false;
  }, [setAssetId]);
  return { assetId, openAsset, closeAsset };
}
