import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/require-page-user";
import { countAssetsByTab } from "@/lib/assets/count-assets-by-tab";
import { NuqsAdapter } from "nuqs/adapters/next/app";
import { GALLERY_PAGE_SIZE } from "@/lib/assets/gallery-filters";
import { parseGalleryFilters } from "@/lib/assets/parse-gallery-filters";
import { listAssets } from "@/lib/assets/list-assets";
import { listGalleryFacets } from "@/lib/assets/list-gallery-facets";
import { resolveTimeZone } from "@/lib/insight/time-zone";
import { GalleryClient } from "./gallery-client";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("gallery");
  return { title: t("title") };
}

export default async function GalleryPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [user, t] = await Promise.all([requirePageUser(), getTranslations("gallery")]);
  const params = await searchParams;
  const filters = parseGalleryFilters(params);
  const { tab: _tab, ...rest } = filters;
  const timeZone = resolveTimeZone({ user: user.timeZone });
  const [page, counts, facets] = await Promise.all([
    listAssets(user.teamId, filters, { limit: GALLERY_PAGE_SIZE, viewerId: user.id, timeZone }),
    countAssetsByTab(user.teamId, rest, user.id, { timeZone, kept: user.teamCounts }),
    listGalleryFacets(user.teamId),
  ]);
  return (
    <div className="mx-auto max-w-7xl">
      <PageHeader
        title={t("title")}
        description={t("description")}
      />
      <NuqsAdapter>
        <GalleryClient initialFilters={filters} initialPage={{ ...page, counts, reviews: [] }} facets={facets} viewer={{ id: user.id, role: user.role }} />
      </NuqsAdapter>
    </div>
  );
}
