"use client";

import { useTranslations } from "next-intl";
import { type CSSProperties, memo } from "react";
import { AssetStatusBadge } from "@/components/gallery/asset-status-badge";
import { AssetThumbnail } from "@/components/assets/asset-thumbnail";
import { GenerateVideoButton } from "@/components/generation/generate-video-button";
import { useSentence } from "@/lib/i18n/use-sentence";
import { cn } from "@/lib/utils";
import { type CardsProps, cardAttributes, failureTitle, SelectBox } from "./asset-card-parts";
import type { GalleryDensity } from "./gallery-url-state";

/** The smallest width of a card for each density: the grid fits as many as the row holds. */
const cardMinWidth: Record<GalleryDensity, string> = { small: "8rem", medium: "10rem", large: "15rem" };

/** Touch screens always show the card's action; a mouse sees it on hover, a keyboard on focus. */
const revealOnHover = "[@media(hover:hover)_and_(pointer:fine)]:opacity-0 group-hover:opacity-100 group-focus-within:opacity-100";

export const AssetGrid = memo(function AssetGrid({ items, selected, onToggle, onOpen, density = "medium" }: CardsProps & { density?: GalleryDensity }) {
  const t = useTranslations("gallery");
  const say = useSentence();
  return (
    <ul
      className="grid gap-3 [grid-template-columns:repeat(auto-fill,minmax(min(100%,var(--card-min)),1fr))]"
      style={{ "--card-min": cardMinWidth[density] } as CSSProperties}
      data-testid="asset-grid"
      data-density={density}
    >
      {items.map((item) => {
        const checked = selected.has(item.id);
        const failure = failureTitle(item, say);
        const look = checked ? "border-primary ring-2 ring-primary/40" : "border-border";
        const canGenerate = item.state === "APPROVED" && item.type !== "AUDIO";
        return (
          <li key={item.id} className={cn("group relative overflow-hidden rounded-lg border bg-card shadow-sm transition-shadow hover:shadow-md", look)} {...cardAttributes(item)}>
            <button type="button" onClick={() => onOpen(item.id)} className="block w-full text-left focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-ring">
              <AssetThumbnail type={item.type} thumbnailUrl={item.thumbnailUrl} name={item.name} decorative className="aspect-square w-full" />
              <div className="space-y-0.5 p-2">
                <div className="truncate text-sm font-medium" title={item.name}>
                  <span className="sr-only">{t("grid.open")} </span>
                  {item.name}
                </div>
                <div className="truncate text-xs text-muted-foreground" title={`${item.group.name} · ${item.group.projectName}`}>
                  {item.group.name}
                </div>
                {failure ? (
                  <div className="line-clamp-2 text-xs font-medium break-words text-destructive" title={failure} data-testid="asset-failure">
                    {failure}
                  </div>
                ) : null}
              </div>
            </button>
            <SelectBox
              item={item}
              checked={checked}
              onToggle={onToggle}
              className={cn("absolute left-2 top-2", !checked && "sm:opacity-0 sm:group-hover:opacity-100 sm:focus-within:opacity-100")}
            />
            <AssetStatusBadge status={item.status} overlay className="absolute right-2 top-2" />
            {canGenerate ? (
              // Over the bottom of the picture: the overlay is the picture's square, the button its only target.
              <div className="pointer-events-none absolute inset-x-0 top-0 flex aspect-square items-end p-2">
                <GenerateVideoButton
                  assetIds={[item.id]}
                  size="sm"
                  className={cn("pointer-events-auto w-full shadow-md transition-opacity focus-visible:ring-offset-2 focus-visible:ring-offset-background", revealOnHover)}
                  aria-label={t("grid.generateFrom", { name: item.name })}
                  data-testid="card-generate"
                />
              </div>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
});
