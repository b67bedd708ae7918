import { useTranslations } from "next-intl";
import { Skeleton } from "@/components/ui/skeleton";

/** While a dashboard page's data loads: its header and a block of content, in the shell. */
export default function DashboardLoading() {
  const t = useTranslations("common");
  return (
    <div role="status" aria-label={t("ui.loading")} className="flex flex-col gap-6">
      <div className="flex flex-col gap-2">
        <Skeleton className="h-8 w-48" />
        <Skeleton className="h-4 w-72 max-w-full" />
      </div>
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {Array.from({ length: 6 }, (_, i) => (
          <Skeleton key={i} className="h-32" />
        ))}
      </div>
      <span className="sr-only">{t("ui.loadingEllipsis")}</span>
    </div>
  );
}
