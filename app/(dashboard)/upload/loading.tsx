import { useTranslations } from "next-intl";
import { Bone, PageSkeleton } from "@/components/gallery/skeleton";

export default function UploadLoading() {
  const t = useTranslations("upload");
  return (
    <PageSkeleton title={t("title")} label={t("loading")}>
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="flex min-w-0 flex-col gap-6">
          <Bone className="h-48 w-full rounded-xl" />
          <div className="space-y-3 rounded-xl border border-border bg-card p-4">
            <Bone className="h-5 w-40" />
            {Array.from({ length: 3 }, (_, i) => (
              <div key={i} className="flex items-center gap-3">
                <Bone className="size-10 shrink-0" />
                <Bone className="h-4 flex-1" />
              </div>
            ))}
          </div>
        </div>
        <div className="flex flex-col gap-4 rounded-xl border border-border bg-card p-4">
          <Bone className="h-12 w-full rounded-lg" />
          <Bone className="h-4 w-24" />
          <Bone className="h-9 w-full" />
          <Bone className="h-4 w-24" />
          <Bone className="h-16 w-full" />
          <Bone className="h-9 w-full" />
        </div>
      </div>
    </PageSkeleton>
  );
}
