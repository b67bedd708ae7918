import { useTranslations } from "next-intl";
import { Bone } from "@/components/gallery/skeleton";

export default function JobLoading() {
  const t = useTranslations("jobs");
  return (
    <div aria-busy="true" className="flex flex-col gap-6">
      <p className="sr-only" role="status">
        {t("job.loading")}
      </p>
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div className="space-y-2">
          <Bone className="h-4 w-24" />
          <Bone className="h-7 w-64 max-w-full" />
          <Bone className="h-4 w-48" />
        </div>
        <div className="flex gap-2">
          <Bone className="h-9 w-28" />
        </div>
      </div>
      <div className="grid grid-cols-1 items-start gap-6 lg:grid-cols-[minmax(0,1fr)_340px]">
        <Bone className="aspect-video w-full rounded-xl" />
        <div className="space-y-3 rounded-xl border border-border p-4">
          {Array.from({ length: 6 }, (_, i) => (
            <div key={i} className="flex justify-between gap-3">
              <Bone className="h-4 w-20" />
              <Bone className="h-4 w-28" />
            </div>
          ))}
        </div>
      </div>
    </div>
  );
}
