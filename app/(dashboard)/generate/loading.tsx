import { useTranslations } from "next-intl";
import { Bone, PageSkeleton } from "@/components/gallery/skeleton";

export default function GenerateLoading() {
  const t = useTranslations("generate");
  return (
    <PageSkeleton title={t("title")} label={t("loading")}>
      <div className="grid grid-cols-1 items-start gap-6 lg:grid-cols-[minmax(0,1fr)_400px] xl:grid-cols-[minmax(0,1fr)_440px]">
        <div className="flex min-w-0 flex-col gap-3 rounded-xl border border-border bg-card p-4">
          <Bone className="h-9 w-full" />
          <div className="flex gap-1">
            {["w-12", "w-16", "w-16", "w-14"].map((w, i) => (
              <Bone key={i} className={`h-7 rounded-full ${w}`} />
            ))}
          </div>
          <div className="grid grid-cols-3 gap-2 sm:grid-cols-4 xl:grid-cols-5">
            {Array.from({ length: 10 }, (_, i) => (
              <Bone key={i} className="aspect-square w-full" />
            ))}
          </div>
        </div>
        <div className="flex flex-col gap-4 rounded-xl border border-border bg-card p-4">
          <Bone className="h-5 w-32" />
          <Bone className="h-28 w-full" />
          <Bone className="h-8 w-full" />
          <Bone className="h-8 w-full" />
          <Bone className="h-10 w-full" />
        </div>
      </div>
    </PageSkeleton>
  );
}
