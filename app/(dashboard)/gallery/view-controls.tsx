"use client";

import { LayoutGrid } from "@/components/icons/layout-grid";
import { List } from "@/components/icons/list";
import { ToggleGroup } from "radix-ui";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import type { GalleryView } from "@/lib/assets/gallery-filters";
import { cn } from "@/lib/utils";
import { type GalleryDensity, galleryDensities } from "./gallery-url-state";

const item =
  "inline-flex h-8 min-w-8 items-center justify-center gap-1 rounded px-2 text-xs font-medium text-foreground transition-colors hover:bg-muted focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring data-[state=on]:bg-accent [&_svg]:size-4";

function Group({ label, value, onChange, children }: { label: string; value: string; onChange: (v: string) => void; children: ReactNode }) {
  return (
    <ToggleGroup.Root
      type="single"
      aria-label={label}
      value={value}
      // A single toggle group lets the pressed item be pressed off; keep one chosen.
      onValueChange={(v) => (v ? onChange(v) : null)}
      className="flex rounded-md border border-border p-0.5"
    >
      {children}
    </ToggleGroup.Root>
  );
}

/** Grid or list, and the grid's card size; one tab stop each, arrow keys inside. */
export function ViewControls({
  view,
  density,
  onView,
  onDensity,
}: {
  view: GalleryView;
  density: GalleryDensity;
  onView: (view: GalleryView) => void;
  onDensity: (density: GalleryDensity) => void;
}) {
  const t = useTranslations("gallery");
  return (
    <>
      {view === "grid" ? (
        <Group label={t("view.cardSize")} value={density} onChange={(v) => onDensity(v as GalleryDensity)}>
          {galleryDensities.map((d) => (
            <ToggleGroup.Item key={d} value={d} aria-label={t(`view.density.${d}.long`)} title={t(`view.density.${d}.long`)} className={cn(item)}>
              {t(`view.density.${d}.short`)}
            </ToggleGroup.Item>
          ))}
        </Group>
      ) : null}
      <Group label={t("view.label")} value={view} onChange={(v) => onView(v as GalleryView)}>
        <ToggleGroup.Item value="grid" aria-label={t("view.grid")} title={t("view.grid")} className={item}>
          <LayoutGrid aria-hidden />
        </ToggleGroup.Item>
        <ToggleGroup.Item value="list" aria-label={t("view.list")} title={t("view.list")} className={item}>
          <List aria-hidden />
        </ToggleGroup.Item>
      </Group>
    </>
  );
}
