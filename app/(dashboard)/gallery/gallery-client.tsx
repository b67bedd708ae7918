"use client";

import { type InfiniteData, useInfiniteQuery, useQueryClient } from "@tanstack/react-query";
import { AlertTriangle } from "@/components/icons/alert-triangle";
import { Loader2 } from "@/components/icons/loader-2";
import { hydrateAfterLoad } from "@/components/ui/hydrate-after-load";
import { lazyClient } from "@/components/ui/lazy-client";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { toast } from "@/components/ui/toast";
import type { Viewer } from "@/components/gallery/asset-drawer";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { Bone } from "@/components/gallery/skeleton";
import { useStableCallback } from "@/components/ui/use-stable-callback";
import { type GalleryFilters, type GalleryTab, activeFilterCount, galleryFiltersToSearchParams } from "@/lib/assets/gallery-filters";
import type { GalleryResponse } from "@/lib/assets/gallery-response";
import type { GalleryFacets } from "@/lib/assets/list-gallery-facets";
import { useFormat } from "@/lib/i18n/use-format";
import { AssetGrid } from "./asset-grid";
import { FiltersBar } from "./filters-bar";
import { StatusTabs } from "./status-tabs";
import { useGalleryUrl } from "./use-gallery-url";
import { ViewControls } from "./deferred-view-controls";

// The drawer is not needed for the first paint: its code loads when an asset is opened.
const AssetDrawer = lazyClient(() => import("@/components/gallery/asset-drawer").then((m) => m.AssetDrawer));
// The list view is drawn by the server when the URL asks for it and hydrates after the page
// has loaded; chosen after that, its code loads at once.
const AssetList = hydrateAfterLoad(() => import("./asset-list").then((m) => m.AssetList), ListSkeleton);
// The bar of actions on selected assets loads with the first selection; once shown it stays
// mounted (empty, it renders nothing), so an action it started finishes in it.
const BulkBar = lazyClient(() => import("./bulk-bar").then((m) => m.BulkBar));

/** How often the page asks our own route while something on screen is in review. */
const LIVE_POLL_MS = 2_500;
const FINISHED = new Set(["COMPLETED", "PARTIAL", "FAILED"]);

function ListSkeleton() {
  return (
    <ul className="divide-y divide-border overflow-hidden rounded-lg border border-border bg-card">
      {Array.from({ length: 8 }, (_, i) => (
        <li key={i} className="flex items-center gap-3 px-3 py-2">
          <Bone className="size-6" />
          <Bone className="size-11 shrink-0" />
          <div className="min-w-0 flex-1 space-y-1.5">
            <Bone className="h-4 w-1/3" />
            <Bone className="h-3 w-1/4" />
          </div>
        </li>
      ))}
    </ul>
  );
}

async function fetchPage(filters: GalleryFilters, cursor: string | null, watch: string[], failed: string): Promise<GalleryResponse> {
  const params = galleryFiltersToSearchParams(filters);
  if (filters.tab === "all") params.delete("tab");
  if (cursor) params.set("cursor", cursor);
  if (watch.length > 0) params.set("watch", watch.join(","));
  const res = await fetch(`/api/assets?${params}`, { cache: "no-cache" });
  const body = await res.json().catch(() => null);
  if (!res.ok) throw new Error(body?.error?.message ?? failed);
  return body as GalleryResponse;
}

export function GalleryClient({
  initialFilters,
  initialPage,
  facets,
  viewer,
}: {
  initialFilters: GalleryFilters;
  initialPage: GalleryResponse;
  facets: GalleryFacets;
  viewer: Viewer;
}) {
  const t = useTranslations("gallery");
  const format = useFormat();
  const queryClient = useQueryClient();
  // Filters, view, card size and the open asset live in the URL: a view can be shared, and back
  // and forward step through them. Changes are shallow: React Query fetches, the server page stays.
  const { filters, setFilters, view, setView, density, setDensity, assetId, openAsset, closeAsset } = useGalleryUrl();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const initialKey = useRef(JSON.stringify(initialFilters));
  /** Submissions whose review was seen open: the page tells when each one finishes. */
  const watched = useRef(new Set<string>());

  const applyFilters = useCallback(
    (next: GalleryFilters, options?: { typing?: boolean }) => {
      setSelected(new Set());
      setFilters(next, { replace: options?.typing });
    },
    [setFilters],
  );

  // Stable: the tabs and view controls keep their server HTML until they hydrate.
  const chooseTab = useStableCallback((tab: GalleryTab) => applyFilters({ ...filters, tab }));
  const chooseView = useStableCallback(setView);
  const chooseDensity = useStableCallback(setDensity);
  const openListed = useStableCallback(openAsset);

  const key = JSON.stringify(filters);
  const query = useInfiniteQuery({
    queryKey: ["gallery", key],
    queryFn: ({ pageParam }) => fetchPage(filters, pageParam, pageParam ? [] : [...watched.current], t("loadFailed")),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    initialData: key === initialKey.current ? { pages: [initialPage], pageParams: [null] } : undefined,
    staleTime: key === initialKey.current ? 2_000 : 0,
    refetchInterval: (q) => {
      const data = q.state.data as InfiniteData<GalleryResponse> | undefined;
      const live = data?.pages.some((p) => p.items.some((i) => i.status.live));
      return live || watched.current.size > 0 ? LIVE_POLL_MS : false;
    },
    refetchIntervalInBackground: false,
  });

  const items = useMemo(() => query.data?.pages.flatMap((p) => p.items) ?? [], [query.data]);
  const counts = query.data?.pages[0]?.counts ?? initialPage.counts;

  // Tell when a review that was open on screen finishes, then stop watching it.
  useEffect(() => {
    const reviews = query.data?.pages[0]?.reviews ?? [];
    for (const r of reviews) {
      if (!watched.current.has(r.id)) continue;
      if (FINISHED.has(r.state)) {
        watched.current.delete(r.id);
        const text = t("reviewFinished", { group: r.groupName, counts: format.reviewCounts(r.approved, r.failed) });
        if (r.failed > 0) toast.warning(text, { id: `review-${r.id}` });
        else toast.success(text, { id: `review-${r.id}` });
      } else if (r.state === "UNCERTAIN" || (r.state === "SEND_FAILED" && r.inReview > 0)) {
        watched.current.delete(r.id);
      }
    }
    for (const item of items) if (item.status.live) watched.current.add(item.submission.id);
  }, [query.data, items, t, format]);

  const refresh = useCallback(() => {
    void queryClient.invalidateQueries({ queryKey: ["gallery"] });
  }, [queryClient]);

  const toggle = useCallback((id: string) => {
    setSelected((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }, []);

  const needsAttention = items.filter((i) => i.status.key === "unconfirmed" || i.status.key === "not_sent").length;
  const anyLive = items.some((i) => i.status.live);

  // Load the next page when the end of the list comes into view.
  const sentinel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = sentinel.current;
    if (!el || !query.hasNextPage) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting) && !query.isFetchingNextPage) void query.fetchNextPage();
    }, { rootMargin: "400px" });
    observer.observe(el);
    return () => observer.disconnect();
  }, [query.hasNextPage, query.isFetchingNextPage, query]);

  const selectedItems = items.filter((i) => selected.has(i.id));
  const [bulkBarWanted, setBulkBarWanted] = useState(false);
  if (selectedItems.length > 0 && !bulkBarWanted) setBulkBarWanted(true);

  const results =
    query.isError && items.length === 0 ? (
      <Card>
        <CardContent className="p-8 text-center text-sm text-destructive" role="alert">
          {query.error.message}
        </CardContent>
      </Card>
    ) : items.length === 0 ? (
      query.isFetching ? (
        <div className="flex justify-center p-10 text-muted-foreground" role="status" aria-label={t("loadingAssets")}>
          <Loader2 className="size-5 animate-spin" aria-hidden />
        </div>
      ) : (
        <EmptyState tab={filters.tab} filtered={activeFilterCount(filters) > 0} />
      )
    ) : view === "grid" ? (
      <AssetGrid items={items} selected={selected} onToggle={toggle} onOpen={openAsset} density={density} />
    ) : (
      <AssetList items={items} selected={selected} onToggle={toggle} onOpen={openListed} />
    );

  return (
    <div className="space-y-4 pb-24">

      {needsAttention > 0 ? (
        <div className="flex items-start gap-2 rounded-lg border border-warning/40 bg-warning/10 p-3 text-sm" role="status">
          <AlertTriangle className="mt-0.5 size-4 shrink-0 text-warning" />
          <span>
            {t("needsAttention", { count: needsAttention })}
          </span>
        </div>
      ) : null}

      <StatusTabs
        tab={filters.tab}
        counts={counts}
        onChange={chooseTab}
        toolbar={<FiltersBar filters={filters} facets={facets} onChange={applyFilters} />}
        actions={
          <>
            {anyLive ? (
              <span className="flex items-center gap-1.5 text-xs text-muted-foreground" data-testid="live-indicator" title={t("live")}>
                <Loader2 className="size-3.5 animate-spin" aria-hidden /> <span className="hidden lg:inline">{t("live")}</span>
              </span>
            ) : null}
            <ViewControls view={view} density={density} onView={chooseView} onDensity={chooseDensity} />
          </>
        }
      >
        {results}
        <div ref={sentinel} />
        {query.hasNextPage ? (
          <div className="mt-4 flex justify-center">
            <Button variant="outline" onClick={() => query.fetchNextPage()} disabled={query.isFetchingNextPage}>
              {query.isFetchingNextPage ? <Loader2 className="animate-spin" aria-hidden /> : null} {t("loadMore")}
            </Button>
          </div>
        ) : null}
      </StatusTabs>

      {bulkBarWanted ? (
        <BulkBar
          items={selectedItems}
          viewer={viewer}
          onClear={() => setSelected(new Set())}
          onDone={() => {
            setSelected(new Set());
            refresh();
          }}
        />
      ) : null}

      {assetId ? <AssetDrawer assetId={assetId} viewer={viewer} onClose={closeAsset} onOpenAsset={openAsset} onChanged={refresh} /> : null}
    </div>
  );
}

function EmptyState({ tab, filtered }: { tab: GalleryTab; filtered: boolean }) {
  const t = useTranslations("gallery");
  const text = filtered ? t("emptyFiltered") : t(`empty.${tab}`);
  return (
    <Card>
      <CardContent className="p-10 text-center text-sm text-muted-foreground" data-testid="gallery-empty">
        {text}
      </CardContent>
    </Card>
  );
}
