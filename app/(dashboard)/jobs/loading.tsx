import { useTranslations } from "next-intl";
import { Bone, PageSkeleton } from "@/components/gallery/skeleton";
import { JobsListSkeleton } from "./jobs-list-skeleton";

export default function JobsLoading() {
  const t = useTranslations("jobs");
  return (
    <PageSkeleton title={t("title")} label={t("loadingPage")} className="max-w-6xl">
      <div className="flex flex-col gap-4">
        <div className="flex flex-col gap-3 lg:flex-row lg:items-end">
          <Bone className="h-10 w-72 max-w-full rounded-lg" />
          <Bone className="h-9 flex-1" />
        </div>
        <JobsListSkeleton />
      </div>
    </PageSkeleton>
  );
}
