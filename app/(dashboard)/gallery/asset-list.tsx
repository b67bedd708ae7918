"use client";

import { useTranslations } from "next-intl";
import { memo } from "react";
import { AssetStatusBadge } from "@/components/gallery/asset-status-badge";
import { AssetThumbnail } from "@/components/assets/asset-thumbnail";
import { GenerateVideoButton } from "@/components/generation/generate-video-button";
import { useFormat } from "@/lib/i18n/use-format";
import { useSentence } from "@/lib/i18n/use-sentence";
import { cn } from "@/lib/utils";
import { type CardsProps, cardAttributes, failureTitle, SelectBox } from "./asset-card-parts";

/** The gallery's list view: a row per asset, with its group, author, time and address. */
export const AssetList = memo(function AssetList({ items, selected, onToggle, onOpen }: CardsProps) {
  const t = useTranslations("gallery");
  const format = useFormat();
  const say = useSentence();
  return (
    <ul className="divide-y divide-border overflow-hidden rounded-lg border border-border bg-card" data-testid="asset-list">
      {items.map((item) => {
        const checked = selected.has(item.id);
        const failure = failureTitle(item, say);
        return (
          <li key={item.id} className={cn("flex items-center gap-3 px-3 py-2", checked && "bg-accent")} {...cardAttributes(item)}>
            <SelectBox item={item} checked={checked} onToggle={onToggle} />
            <button type="button" onClick={() => onOpen(item.id)} className="flex min-w-0 flex-1 items-center gap-3 text-left">
              <AssetThumbnail type={item.type} thumbnailUrl={item.thumbnailUrl} name={item.name} decorative className="size-11 shrink-0 rounded-md" />
              <div className="min-w-0 flex-1">
                <div className="truncate text-sm font-medium" title={item.name}>
                  <span className="sr-only">{t("grid.open")} </span>
                  {item.name}
                </div>
                <div className="truncate text-xs text-muted-foreground" title={`${item.group.name} · ${item.group.projectName}`}>
                  {item.group.name} · {item.group.projectName}
                  <span className="hidden sm:inline"> · {t(`grid.types.${item.type}`)}</span>
                </div>
                {failure ? <div className="line-clamp-2 text-xs font-medium break-words text-destructive" title={failure}>{failure}</div> : null}
                {item.assetUrl ? <div className="hidden font-mono text-xs break-all text-muted-foreground md:block">{item.assetUrl}</div> : null}
              </div>
              <div className="hidden w-32 shrink-0 text-xs text-muted-foreground lg:block">{item.createdByName ?? "—"}</div>
              <time className="hidden w-36 shrink-0 text-xs text-muted-foreground md:block" dateTime={item.createdAt} suppressHydrationWarning>
                {format.dateTime(item.createdAt)}
              </time>
            </button>
            <div className="flex shrink-0 flex-col items-end gap-1.5 lg:w-60 lg:flex-row lg:items-center lg:justify-end">
              <AssetStatusBadge status={item.status} />
              {item.state === "APPROVED" && item.type !== "AUDIO" ? (
                <GenerateVideoButton assetIds={[item.id]} size="sm" variant="outline" aria-label={t("grid.generateFrom", { name: item.name })} className="lg:order-first" />
              ) : null}
            </div>
          </li>
        );
      })}
    </ul>
  );
});
