"use client";

import { LayoutGrid, List } from "lucide-react";
import { ToggleGroup } from "radix-ui";
import type { ReactNode } from "react";
import type { GalleryView } from "@/lib/assets/gallery-filters";
import { cn } from "@/lib/utils";
import { type GalleryDensity, galleryDensities } from "./use-gallery-url";

const item =
  "inline-flex h-8 min-w-8 items-center justify-center gap-1 rounded px-2 text-xs font-medium text-foreground transition-colors hover:bg-muted focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring data-[state=on]:bg-accent [&_svg]:size-4";

const densityWords: Record<GalleryDensity, { short: string; long: string }> = {
  small: { short: "S", long: "Small cards" },
  medium: { short: "M", long: "Medium cards" },
  large: { short: "L", long: "Large cards" },
};

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
  return (
    <>
      {view === "grid" ? (
        <Group label="Card size" value={density} onChange={(v) => onDensity(v as GalleryDensity)}>
          {galleryDensities.map((d) => (
            <ToggleGroup.Item key={d} value={d} aria-label={densityWords[d].long} title={densityWords[d].long} className={cn(item)}>
              {densityWords[d].short}
            </ToggleGroup.Item>
          ))}
        </Group>
      ) : null}
      <Group label="View" value={view} onChange={(v) => onView(v as GalleryView)}>
        <ToggleGroup.Item value="grid" aria-label="Grid view" title="Grid view" className={item}>
          <LayoutGrid aria-hidden />
        </ToggleGroup.Item>
        <ToggleGroup.Item value="list" aria-label="List view" title="List view" className={item}>
          <List aria-hidden />
        </ToggleGroup.Item>
      </Group>
    </>
  );
}
