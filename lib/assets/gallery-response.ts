import type { countAssetsByTab } from "@/lib/assets/count-assets-by-tab";
import type { AssetPage } from "@/lib/assets/list-assets";
import type { ReviewSummary } from "@/lib/assets/summarise-reviews";

/** What `GET /api/assets` answers with. */
export type GalleryResponse = AssetPage & {
  /** On the first page only. */
  counts: Awaited<ReturnType<typeof countAssetsByTab>> | null;
  reviews: ReviewSummary[];
};
