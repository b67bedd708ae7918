"use client";

import { Tabs } from "radix-ui";
import type { ReactNode } from "react";
import { filterTabId, filterTabPanelId } from "@/components/ui/filter-tab-ids";

export type FilterTab = { value: string; content: ReactNode; testId?: string };

/**
 * The row of tabs that filters a page's results (Radix: one tab stop, arrow keys move, Enter
 * or a click chooses). The results are not inside it: the page draws them in a `FilterTabPanel`,
 * which these tabs name as the panel they control. Loaded through `DeferredFilterTabList`, so
 * Radix's roving focus is not among the scripts a page waits for.
 */
export function FilterTabList({
  name,
  label,
  value,
  tabs,
  onChange,
  className,
  listClassName,
  tabClassName,
}: {
  /** Names the tabs' and the panel's ids; one per page. */
  name: string;
  label: string;
  value: string;
  tabs: readonly FilterTab[];
  onChange: (value: string) => void;
  /** The classes of the tabs' outer box, the item of the page's row. */
  className?: string;
  listClassName?: string;
  tabClassName?: string;
}) {
  return (
    <Tabs.Root value={value} onValueChange={onChange} activationMode="manual" className={className}>
      <Tabs.List aria-label={label} className={listClassName}>
        {tabs.map((tab) => (
          <Tabs.Trigger
            key={tab.value}
            value={tab.value}
            id={filterTabId(name, tab.value)}
            aria-controls={filterTabPanelId(name)}
            // Radix chooses on mouse-down; a click held before hydration arrives as a click alone.
            onClick={() => tab.value !== value && onChange(tab.value)}
            onFocus={(e) => e.currentTarget.scrollIntoView({ block: "nearest", inline: "nearest" })}
            className={tabClassName}
            data-testid={tab.testId}
          >
            {tab.content}
          </Tabs.Trigger>
        ))}
      </Tabs.List>
    </Tabs.Root>
  );
}
