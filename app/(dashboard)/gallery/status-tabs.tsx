"use client";

import { useTranslations } from "next-intl";
import { type ReactNode, useMemo } from "react";
import { ScrollFade } from "@/components/gallery/scroll-fade";
import { DeferredFilterTabList, FilterTabPanel } from "@/components/ui/filter-tabs";
import { type GalleryTab, galleryTabs } from "@/lib/assets/gallery-filters";
import { cn } from "@/lib/utils";

const tabClassName = cn(
  "flex shrink-0 items-center gap-1.5 rounded-full border px-3 py-1.5 text-sm font-medium whitespace-nowrap transition-colors focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-offset-2 focus-visible:ring-offset-background",
  "border-border bg-background hover:bg-muted data-[state=active]:border-primary data-[state=active]:bg-primary data-[state=active]:text-primary-foreground",
);

/**
 * The gallery's status tabs (Radix: arrow keys move between them, one tab stop) with each
 * tab's count; the results are the tab panel. On a phone the row scrolls, with a fade where
 * more tabs are hidden; the chosen tab is scrolled into view. The tabs hydrate after the page
 * has loaded (components/ui/filter-tabs.tsx): `onChange` must be stable.
 */
export function StatusTabs({
  tab,
  counts,
  onChange,
  actions,
  toolbar,
  children,
}: {
  tab: GalleryTab;
  counts: Record<GalleryTab, number> | null | undefined;
  onChange: (tab: GalleryTab) => void;
  actions?: ReactNode;
  /** Shown between the tabs and their results (the filters). */
  toolbar?: ReactNode;
  children: ReactNode;
}) {
  const t = useTranslations("gallery");
  const tabs = useMemo(
    () =>
      galleryTabs.map((value) => ({
        value,
        testId: `tab-${value}`,
        content: (
          <>
            {t(`tabs.names.${value}`)}
            {counts ? (
              <span
                className={cn("rounded-full px-1.5 text-xs tabular-nums", value === tab ? "ring-1 ring-inset ring-primary-foreground/60" : "bg-muted")}
                data-testid={`tab-count-${value}`}
              >
                {counts[value]}
              </span>
            ) : null}
          </>
        ),
      })),
    [t, counts, tab],
  );
  return (
    <div className="space-y-4">
      <div className="flex flex-col gap-2 sm:flex-row sm:items-center sm:justify-between sm:gap-3">
        <ScrollFade className="-mx-1 px-1 py-1 sm:flex-1">
          <DeferredFilterTabList
            name="gallery"
            label={t("tabs.label")}
            value={tab}
            tabs={tabs}
            onChange={onChange as (value: string) => void}
            listClassName="flex w-max gap-1"
            tabClassName={tabClassName}
          />
        </ScrollFade>
        {actions ? <div className="flex shrink-0 flex-wrap items-center gap-2">{actions}</div> : null}
      </div>
      {toolbar}
      <FilterTabPanel name="gallery" value={tab}>
        {children}
      </FilterTabPanel>
    </div>
  );
}
