import { cn } from "@/lib/utils";

/** A thin bar from 0 to 1; `tone` colours it by outcome. */
export function ProgressBar({
  value,
  tone = "primary",
  className,
  label,
  ...rest
}: {
  value: number;
  tone?: "primary" | "success" | "destructive" | "muted";
  className?: string;
  label: string;
} & Record<`data-${string}`, string | undefined>) {
  const percent = Math.round(Math.min(1, Math.max(0, value)) * 100);
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      className={cn("h-1.5 w-full overflow-hidden rounded-full bg-muted", className)}
      {...rest}
    >
      <div
        className={cn(
          "h-full rounded-full transition-[width] duration-300 ease-out",
          tone === "primary" && "bg-primary",
          tone === "success" && "bg-success",
          tone === "destructive" && "bg-destructive",
          tone === "muted" && "bg-muted-foreground/40",
        )}
        style={{ width: `${percent}%` }}
      />
    </div>
  );
}
