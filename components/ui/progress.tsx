import { cn } from "@/lib/utils";

export type ProgressTone = "primary" | "success" | "destructive" | "muted";

/**
 * A horizontal progress bar from 0 to 100 percent. `indeterminate` shows a pulsing segment and leaves
 * `aria-valuenow` unset; `tone` colours the filled part by outcome.
 */
export function Progress({
  percent,
  label,
  indeterminate = false,
  tone = "primary",
  className,
  indicatorClassName,
  ...rest
}: {
  percent: number;
  label: string;
  indeterminate?: boolean;
  tone?: ProgressTone;
  className?: string;
  indicatorClassName?: string;
} & Record<`data-${string}`, string | undefined>) {
  const value = Math.max(0, Math.min(100, Math.round(percent)));
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={indeterminate ? undefined : value}
      className={cn("relative h-2 w-full overflow-hidden rounded-full bg-muted", className)}
      {...rest}
    >
      {indeterminate ? (
        <div className="absolute inset-y-0 w-1/3 animate-pulse rounded-full bg-primary/60" style={{ left: "33%" }} />
      ) : (
        <div
          className={cn(
            "h-full rounded-full transition-[width] duration-500",
            tone === "primary" && "bg-primary",
            tone === "success" && "bg-success",
            tone === "destructive" && "bg-destructive",
            tone === "muted" && "bg-muted-foreground/40",
            indicatorClassName,
          )}
          style={{ width: `${value}%` }}
        />
      )}
    </div>
  );
}
