"use client";

import { Check } from "@/components/icons/check";
import { useTranslations } from "next-intl";
import type { AssetCard } from "@/lib/assets/asset-view";
import { failureCategoryTitles } from "@/lib/assets/failure-categories";
import { type Sentence, sentence } from "@/lib/i18n/sentence";
import { cn } from "@/lib/utils";

/** What the grid and the list of cards take. */
export type CardsProps = {
  items: AssetCard[];
  selected: ReadonlySet<string>;
  onToggle: (id: string) => void;
  onOpen: (id: string) => void;
};

export function SelectBox({ item, checked, onToggle, className }: { item: AssetCard; checked: boolean; onToggle: (id: string) => void; className?: string }) {
  const t = useTranslations("gallery");
  return (
    <label
      className={cn(
        "flex size-6 cursor-pointer items-center justify-center rounded-md border shadow-sm transition-colors",
        checked ? "border-primary bg-primary text-primary-foreground" : "border-border bg-background/90",
        className,
      )}
    >
      <input type="checkbox" className="sr-only" checked={checked} onChange={() => onToggle(item.id)} aria-label={t("grid.select", { name: item.name })} />
      {checked ? <Check className="size-4" /> : null}
    </label>
  );
}

/** The attributes every card carries, grid or list: the e2e tests and the drawer find cards by them. */
export function cardAttributes(item: AssetCard) {
  return { "data-testid": "asset-card", "data-asset-name": item.name, "data-status": item.status.key } as const;
}

export function failureTitle(item: AssetCard, say: (s: Sentence) => string): string | null {
  if (!item.failureCategory) return null;
  return say(sentence(failureCategoryTitles[item.failureCategory]));
}
