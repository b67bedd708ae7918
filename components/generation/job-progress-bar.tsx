import { cn } from "@/lib/utils";

/** A progress bar; `indeterminate` while the provider has not reported any progress yet. */
export function JobProgressBar({ value, indeterminate = false, className, label }: { value: number; indeterminate?: boolean; className?: string; label: string }) {
  const pct = Math.max(0, Math.min(100, Math.round(value)));
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={indeterminate ? undefined : pct}
      className={cn("relative h-2 w-full overflow-hidden rounded-full bg-muted", className)}
    >
      {indeterminate ? (
        <div className="absolute inset-y-0 w-1/3 animate-pulse rounded-full bg-primary/60" style={{ left: "33%" }} />
      ) : (
        <div className="h-full rounded-full bg-primary transition-[width] duration-500" style={{ width: `${pct}%` }} />
      )}
    </div>
  );
}
