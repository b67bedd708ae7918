import { useTranslations } from "next-intl";
import { Card } from "@/components/ui/card";

/** Grey rows shaped like the jobs list: thumbnails, two lines of text, a status. */
export function JobsListSkeleton({ rows = 5 }: { rows?: number }) {
  const t = useTranslations("jobs");
  return (
    <Card aria-busy="true">
      <p className="sr-only" role="status">
        {t("loadingList")}
      </p>
      <ul className="divide-y divide-border">
        {Array.from({ length: rows }, (_, i) => (
          <li key={i} className="flex flex-col gap-3 p-4 sm:flex-row sm:items-center">
            <div className="flex gap-1">
              <div className="size-10 animate-pulse rounded-md bg-muted" />
              <div className="size-10 animate-pulse rounded-md bg-muted" />
            </div>
            <div className="min-w-0 flex-1 space-y-2">
              <div className="h-4 w-3/4 animate-pulse rounded bg-muted" />
              <div className="h-3 w-1/2 animate-pulse rounded bg-muted" />
            </div>
            <div className="flex w-full flex-col gap-2 sm:w-40 sm:items-end">
              <div className="h-5 w-20 animate-pulse rounded-full bg-muted" />
            </div>
          </li>
        ))}
      </ul>
    </Card>
  );
}
