import type { countAssetsByTab } from "@/lib/gallery/count-assets-by-tab";
import type { AssetPage } from "@/lib/gallery/list-assets";
import type { ReviewSummary } from "@/lib/gallery/summarise-reviews";

/** What `GET /api/assets` answers with. */
export type GalleryResponse = AssetPage & {
  /** On the first page only. */
  counts: Awaited<ReturnType<typeof countAssetsByTab>> | null;
  reviews: ReviewSummary[];
};
