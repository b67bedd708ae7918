import { useTranslations } from "next-intl";
import { Bone, PageSkeleton } from "@/components/gallery/skeleton";

export default function ReviewLoading() {
  const t = useTranslations("review");
  return (
    <PageSkeleton title={t("title")} label={t("loading")} className="mx-auto max-w-6xl">
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[1fr_18rem]">
        <div className="min-w-0 space-y-5">
          <Bone className="h-4 w-48" />
          {Array.from({ length: 2 }, (_, g) => (
            <div key={g} className="rounded-xl border border-border bg-card p-5">
              <Bone className="h-5 w-56 max-w-full" />
              <Bone className="mt-3 h-4 w-full max-w-lg" />
              <ul className="mt-4 divide-y divide-border">
                {Array.from({ length: 2 }, (_, i) => (
                  <li key={i} className="flex gap-3 py-3">
                    <Bone className="size-16 shrink-0" />
                    <div className="min-w-0 flex-1 space-y-2">
                      <Bone className="h-4 w-40 max-w-full" />
                      <Bone className="h-4 w-full" />
                      <Bone className="h-8 w-full max-w-sm" />
                    </div>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </div>
        <div className="space-y-2">
          <Bone className="h-4 w-24" />
          <Bone className="h-14 w-full rounded-lg" />
          <Bone className="h-14 w-full rounded-lg" />
        </div>
      </div>
    </PageSkeleton>
  );
}
