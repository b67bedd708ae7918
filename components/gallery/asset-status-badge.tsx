import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { AssetStatus } from "@/lib/assets/asset-status";
import { cn } from "@/lib/utils";

/** An asset's status as a badge; live statuses pulse. `overlay` gives it a solid backing to sit on a picture. */
export function AssetStatusBadge({ status, overlay = false, className }: { status: AssetStatus; overlay?: boolean; className?: string }) {
  const t = useTranslations("assets");
  return (
    <Badge
      variant={status.variant}
      className={cn(overlay && "border-border/60 bg-card/95 shadow-sm backdrop-blur-sm", className)}
      data-testid="asset-status"
      data-status={status.key}
    >
      {status.live ? <span className="size-1.5 animate-pulse rounded-full bg-current" aria-hidden /> : null}
      {t(`status.${status.key}`)}
    </Badge>
  );
}
