"use client";

import { Check } from "lucide-react";
import { memo } from "react";
import { AssetStatusBadge } from "@/components/gallery/asset-status-badge";
import { AssetThumbnail } from "@/components/assets/asset-thumbnail";
import { formatDateTime } from "@/lib/format";
import { GenerateVideoButton } from "@/components/generation/generate-video-button";
import type { AssetCard } from "@/lib/assets/asset-view";
import { explainFailure } from "@/lib/assets/explain-failure";
import { cn } from "@/lib/utils";

type Props = {
  items: AssetCard[];
  selected: ReadonlySet<string>;
  onToggle: (id: string) => void;
  onOpen: (id: string) => void;
};

const typeWords = { IMAGE: "Image", VIDEO: "Video", AUDIO: "Audio" } as const;

function SelectBox({ item, checked, onToggle, className }: { item: AssetCard; checked: boolean; onToggle: (id: string) => void; className?: string }) {
  return (
    <label
      className={cn(
        "flex size-6 cursor-pointer items-center justify-center rounded-md border shadow-sm transition-colors",
        checked ? "border-primary bg-primary text-primary-foreground" : "border-border bg-background/90",
        className,
      )}
    >
      <input type="checkbox" className="sr-only" checked={checked} onChange={() => onToggle(item.id)} aria-label={`Select ${item.name}`} />
      {checked ? <Check className="size-4" /> : null}
    </label>
  );
}

/** The attributes every card carries, grid or list: the e2e tests and the drawer find cards by them. */
function cardAttributes(item: AssetCard) {
  return { "data-testid": "asset-card", "data-asset-name": item.name, "data-status": item.status.key } as const;
}

function failureTitle(item: AssetCard): string | null {
  if (item.state !== "REJECTED") return null;
  return explainFailure({ code: item.failureCode, reason: item.failureReason, type: item.type }).title;
}

export const AssetGrid = memo(function AssetGrid({ items, selected, onToggle, onOpen }: Props) {
  return (
    <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4 xl:grid-cols-6" data-testid="asset-grid">
      {items.map((item) => {
        const checked = selected.has(item.id);
        const failure = failureTitle(item);
        const look = checked ? "border-primary ring-2 ring-primary/40" : "border-border";
        return (
          <li key={item.id} className={cn("group relative overflow-hidden rounded-lg border bg-card shadow-sm transition-shadow hover:shadow-md", look)} {...cardAttributes(item)}>
            <button type="button" onClick={() => onOpen(item.id)} className="block w-full text-left" aria-label={`Open ${item.name}`}>
              <AssetThumbnail type={item.type} thumbnailUrl={item.thumbnailUrl} name={item.name} className="aspect-square w-full" />
              <div className="space-y-0.5 p-2">
                <div className="truncate text-sm font-medium" title={item.name}>
                  {item.name}
                </div>
                <div className="truncate text-xs text-muted-foreground">{item.group.name}</div>
                {failure ? (
                  <div className="truncate text-xs font-medium text-destructive" data-testid="asset-failure">
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
          </li>
        );
      })}
    </ul>
  );
});

export const AssetList = memo(function AssetList({ items, selected, onToggle, onOpen }: Props) {
  return (
    <ul className="divide-y divide-border overflow-hidden rounded-lg border border-border bg-card" data-testid="asset-list">
      {items.map((item) => {
        const checked = selected.has(item.id);
        const failure = failureTitle(item);
        return (
          <li key={item.id} className={cn("flex items-center gap-3 px-3 py-2", checked && "bg-accent")} {...cardAttributes(item)}>
            <SelectBox item={item} checked={checked} onToggle={onToggle} />
            <button type="button" onClick={() => onOpen(item.id)} className="flex min-w-0 flex-1 items-center gap-3 text-left" aria-label={`Open ${item.name}`}>
              <AssetThumbnail type={item.type} thumbnailUrl={item.thumbnailUrl} name={item.name} className="size-11 shrink-0 rounded-md" />
              <div className="min-w-0 flex-1">
                <div className="truncate text-sm font-medium">{item.name}</div>
                <div className="truncate text-xs text-muted-foreground">
                  {item.group.name} · {item.group.projectName}
                  <span className="hidden sm:inline"> · {typeWords[item.type]}</span>
                </div>
                {failure ? <div className="truncate text-xs font-medium text-destructive">{failure}</div> : null}
                {item.assetUrl ? <div className="hidden truncate font-mono text-xs text-muted-foreground md:block">{item.assetUrl}</div> : null}
              </div>
              <div className="hidden w-32 shrink-0 text-xs text-muted-foreground lg:block">{item.createdByName ?? "—"}</div>
              <time className="hidden w-36 shrink-0 text-xs text-muted-foreground md:block" dateTime={item.createdAt} suppressHydrationWarning>
                {formatDateTime(item.createdAt)}
              </time>
            </button>
            <div className="hidden w-36 shrink-0 justify-end lg:flex">
              {item.state === "APPROVED" && item.type !== "AUDIO" ? (
                <GenerateVideoButton assetIds={[item.id]} size="sm" variant="outline" />
              ) : null}
            </div>
            <div className="flex w-24 shrink-0 justify-end">
              <AssetStatusBadge status={item.status} />
            </div>
          </li>
        );
      })}
    </ul>
  );
});
