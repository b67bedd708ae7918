import { Progress, type ProgressTone } from "@/components/ui/progress";
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
  tone?: ProgressTone;
  className?: string;
  label: string;
} & Record<`data-${string}`, string | undefined>) {
  return (
    <Progress
      percent={Math.min(1, Math.max(0, value)) * 100}
      tone={tone}
      label={label}
      className={cn("h-1.5", className)}
      indicatorClassName="duration-300 ease-out"
      {...rest}
    />
  );
}
