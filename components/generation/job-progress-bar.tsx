import { Progress } from "@/components/ui/progress";

/** A progress bar; `indeterminate` while the provider has not reported any progress yet. */
export function JobProgressBar({ value, indeterminate = false, className, label }: { value: number; indeterminate?: boolean; className?: string; label: string }) {
  return <Progress percent={value} indeterminate={indeterminate} label={label} className={className} />;
}
