"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { Check } from "@/components/icons/check";
import { Loader2 } from "@/components/icons/loader-2";
import { Search } from "@/components/icons/search";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useState } from "react";
import { AssetThumbnail } from "@/components/assets/asset-thumbnail";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/input";
import type { AssetType } from "@/lib/generated/prisma/enums";
import type { ApprovedAssetView } from "@/lib/generation/list-approved-assets";
import { useFormat } from "@/lib/i18n/use-format";
import { cn } from "@/lib/utils";
import { Segmented } from "./form-controls";

type Page = { items: ApprovedAssetView[]; nextCursor: string | null };

const typeFilters = ["all", "IMAGE", "VIDEO", "AUDIO"] as const;

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

/** The team's approved assets, searchable and filtered by type and group; click to pick. */
export function AssetPicker({
  groups,
  selectedIds,
  onToggle,
}: {
  groups: { id: string; name: string; approvedCount: number }[];
  selectedIds: ReadonlySet<string>;
  onToggle: (asset: ApprovedAssetView) => void;
}) {
  const t = useTranslations("generate");
  const format = useFormat();
  const [q, setQ] = useState("");
  const [type, setType] = useState<AssetType | "">("");
  const [groupId, setGroupId] = useState("");
  const search = useDebounced(q.trim(), 250);
  // The type filter hydrates after the page has loaded; stable props keep it from re-rendering before.
  const typeLabel = useCallback((v: (typeof typeFilters)[number]) => t(`picker.types.${v}`), [t]);
  const chooseType = useCallback((v: (typeof typeFilters)[number]) => setType(v === "all" ? "" : v), []);
  const query = useInfiniteQuery({
    queryKey: ["approved-assets", search, type, groupId],
    initialPageParam: "",
    queryFn: async ({ pageParam, signal }): Promise<Page> => {
      const params = new URLSearchParams({ limit: "24" });
      if (search) params.set("q", search);
      if (type) params.set("type", type);
      if (groupId) params.set("groupId", groupId);
      if (pageParam) params.set("cursor", pageParam);
      const res = await fetch(`/api/approved-assets?${params}`, { signal });
      const body = await res.json();
      if (!res.ok) throw new Error(body?.error?.message ?? t("picker.loadFailed"));
      return body as Page;
    },
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <section aria-label={t("form.approvedAssets")} className="flex flex-col gap-3">
      <div className="flex flex-col gap-2 sm:flex-row sm:items-end">
        <div className="relative flex-1">
          <Search className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-muted-foreground" aria-hidden />
          <Input aria-label={t("picker.search")} placeholder={t("picker.searchPlaceholder")} value={q} onChange={(e) => setQ(e.target.value)} className="pl-8" type="search" />
        </div>
        {groups.length > 0 ? (
          <div className="flex flex-col gap-1 sm:w-48">
          <label htmlFor="picker-group" className="text-xs font-medium text-muted-foreground">
            {t("picker.group")}
          </label>
          <Select id="picker-group" value={groupId} onChange={(e) => setGroupId(e.target.value)}>
            <option value="">{t("picker.allGroups")}</option>
            {groups.map((g) => (
              <option key={g.id} value={g.id}>
                {g.name} ({g.approvedCount})
              </option>
            ))}
          </Select>
          </div>
        ) : null}
      </div>
      <Segmented
        label={t("picker.type")}
        look="pill"
        value={type || "all"}
        options={typeFilters}
        labelOf={typeLabel}
        onChange={chooseType}
      />

      {query.isPending ? (
        <div className="flex items-center gap-2 py-10 text-sm text-muted-foreground">
          <Loader2 className="size-4 animate-spin" aria-hidden /> {t("picker.loading")}
        </div>
      ) : query.isError ? (
        <p role="alert" className="py-6 text-sm text-destructive">
          {query.error.message}
        </p>
      ) : items.length === 0 ? (
        <p className="rounded-md border border-dashed border-border p-6 text-center text-sm text-muted-foreground">
          {search || type || groupId ? t("picker.noMatch") : t("picker.empty")}
        </p>
      ) : (
        <ul className="grid grid-cols-3 gap-2 sm:grid-cols-4 xl:grid-cols-5" data-testid="asset-picker">
          {items.map((asset) => {
            const selected = selectedIds.has(asset.id);
            return (
              <li key={asset.id}>
                <button
                  type="button"
                  aria-pressed={selected}
                  onClick={() => onToggle(asset)}
                  className={cn(
                    "group relative flex w-full flex-col overflow-hidden rounded-lg border bg-card text-left transition focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none",
                    selected ? "border-primary ring-2 ring-primary" : "border-border hover:border-primary/60",
                  )}
                >
                  <AssetThumbnail look="tile" type={asset.type} thumbnailUrl={asset.thumbnailUrl} name={asset.name} decorative className="rounded-none" />
                  <span
                    className={cn(
                      "absolute top-1.5 right-1.5 flex size-5 items-center justify-center rounded-full border text-white",
                      selected ? "border-primary bg-primary" : "border-white/80 bg-black/30",
                    )}
                    aria-hidden
                  >
                    {selected ? <Check className="size-3.5" /> : null}
                  </span>
                  <span className="truncate px-2 pt-1.5 text-xs font-medium" title={asset.name}>
                    <span className="sr-only">{t("picker.pick")} </span>
                    {asset.name}
                  </span>
                  <span className="truncate px-2 pb-1.5 text-[11px] text-muted-foreground">
                    {asset.type === "IMAGE" && asset.width ? `${asset.width}×${asset.height}` : asset.durationMs != null ? format.seconds(asset.durationMs) : t(`picker.kind.${asset.type}`)} · {asset.groupName}
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {query.hasNextPage ? (
        <Button type="button" variant="outline" size="sm" className="self-center" disabled={query.isFetchingNextPage} onClick={() => query.fetchNextPage()}>
          {query.isFetchingNextPage ? t("picker.loadingMore") : t("picker.showMore")}
        </Button>
      ) : null}
    </section>
  );
}
