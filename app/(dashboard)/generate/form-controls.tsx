"use client";

import { Skeleton } from "@/components/ui/skeleton";
import { hydrateAfterLoad } from "@/components/ui/hydrate-after-load";
import type { Segmented as SegmentedChoice } from "./segmented";

/**
 * One choice of a few (./segmented.tsx). Radix's radio group and its roving focus are not
 * needed until a choice is changed: they hydrate after the page has loaded.
 */
export const Segmented = hydrateAfterLoad(
  () => import("./segmented").then((m) => m.Segmented),
  () => <Skeleton className="h-7 w-48" />,
) as typeof SegmentedChoice;

/** A checkbox with a label and a hint, the whole box clickable. */
export function Toggle({ id, label, hint, checked, onChange }: { id: string; label: string; hint: string; checked: boolean; onChange: (v: boolean) => void }) {
  return (
    <label htmlFor={id} className="flex cursor-pointer items-start gap-3 rounded-md border border-border p-3 hover:bg-muted/50">
      <input id={id} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} className="mt-0.5 size-4 accent-[var(--primary)]" />
      <span className="flex flex-col gap-0.5">
        <span className="text-sm font-medium">{label}</span>
        <span className="text-xs text-muted-foreground">{hint}</span>
      </span>
    </label>
  );
}
