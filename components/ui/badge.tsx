import type { ComponentProps } from "react";
import { cn } from "@/lib/utils";

const badgeVariant = {
  default: "border-transparent bg-muted text-foreground",
  success: "border-transparent bg-success/15 text-success",
  warning: "border-transparent bg-warning/15 text-warning",
  destructive: "border-transparent bg-destructive/15 text-destructive",
  info: "border-transparent bg-primary/15 text-primary",
  outline: "border-border text-muted-foreground",
};

export function Badge({ className, variant, ...props }: ComponentProps<"span"> & { variant?: keyof typeof badgeVariant | null }) {
  return <span className={cn("inline-flex items-center gap-1 rounded-full border px-2 py-0.5 text-xs font-medium", badgeVariant[variant ?? "default"], className)} {...props} />;
}
