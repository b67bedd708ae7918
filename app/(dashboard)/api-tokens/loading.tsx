import { useTranslations } from "next-intl";
import { Bone, PageSkeleton } from "@/components/gallery/skeleton";

export default function ApiTokensLoading() {
  const t = useTranslations("apiTokens");
  return (
    <PageSkeleton title={t("title")} label={t("loading")} className="max-w-5xl">
      <div className="rounded-xl border border-border bg-card p-6">
        <Bone className="h-5 w-32" />
        <Bone className="mt-2 h-4 w-full max-w-md" />
        <div className="mt-6 grid gap-4 sm:grid-cols-2">
          <Bone className="h-10 w-full" />
          <Bone className="h-10 w-full" />
        </div>
        <Bone className="mt-4 h-20 w-full max-w-sm" />
        <Bone className="mt-4 h-9 w-32" />
      </div>
      <Bone className="mt-8 mb-3 h-6 w-40" />
      <div className="space-y-2">
        {Array.from({ length: 3 }, (_, i) => (
          <Bone key={i} className="h-12 w-full" />
        ))}
      </div>
    </PageSkeleton>
  );
}
