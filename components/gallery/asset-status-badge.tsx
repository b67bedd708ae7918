import { Badge } from "@/components/ui/badge";
import type { AssetStatus } from "@/lib/gallery/asset-status";
import { cn } from "@/lib/utils";

/** An asset's status as a badge; live statuses pulse. */
export function AssetStatusBadge({ status, className }: { status: AssetStatus; className?: string }) {
  return (
    <Badge variant={status.variant} className={cn("shadow-sm", className)} data-testid="asset-status" data-status={status.key}>
      {status.live ? <span className="size-1.5 animate-pulse rounded-full bg-current" aria-hidden /> : null}
      {status.label}
    </Badge>
  );
}
