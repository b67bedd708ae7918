"use client";

import type { ComponentProps, ReactNode } from "react";
import { filterTabId, filterTabPanelId } from "@/components/ui/filter-tab-ids";
import type { FilterTabList } from "@/components/ui/filter-tab-list";
import { hydrateAfterLoad } from "@/components/ui/hydrate-after-load";
import { Skeleton } from "@/components/ui/skeleton";
import { cn } from "@/lib/utils";

/**
 * A page's filter tabs (./filter-tab-list.tsx), drawn by the server and hydrated after the
 * page has loaded: a click on a tab before then is held and given once they have. Props must
 * stay the same objects until the user acts (memoized tabs, a stable `onChange`).
 */
export const DeferredFilterTabList = hydrateAfterLoad(
  () => import("@/components/ui/filter-tab-list").then((m) => m.FilterTabList),
  () => <Skeleton className="h-9 w-72 max-w-full" />,
  // The tab list itself is the item of the page's row, as if it were not wrapped.
  "contents",
) as (props: ComponentProps<typeof FilterTabList>) => ReactNode;

/** The results the tabs filter: the tab panel of the chosen tab. */
export function FilterTabPanel({ name, value, className, children }: { name: string; value: string; className?: string; children: ReactNode }) {
  return (
    <div role="tabpanel" id={filterTabPanelId(name)} aria-labelledby={filterTabId(name, value)} tabIndex={-1} className={cn("focus-visible:outline-none", className)}>
      {children}
    </div>
  );
}
