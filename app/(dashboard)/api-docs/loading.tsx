import { useTranslations } from "next-intl";
import { Bone, PageSkeleton } from "@/components/gallery/skeleton";

export default function ApiDocsLoading() {
  const t = useTranslations("apiDocs");
  return (
    <PageSkeleton title={t("title")} label={t("loading")} className="max-w-5xl">
      <div className="space-y-6">
        {Array.from({ length: 4 }, (_, i) => (
          <div key={i} className="rounded-xl border border-border bg-card p-5">
            <Bone className="h-6 w-64 max-w-full" />
            <Bone className="mt-3 h-4 w-full max-w-lg" />
            <Bone className="mt-4 h-24 w-full" />
          </div>
        ))}
      </div>
    </PageSkeleton>
  );
}
