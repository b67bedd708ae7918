import { useTranslations } from "next-intl";
import { Bone, PageSkeleton } from "@/components/gallery/skeleton";

export default function PreferencesLoading() {
  const t = useTranslations("preferences");
  return (
    <PageSkeleton title={t("title")} label={t("loading")} className="max-w-3xl">
      <div className="rounded-xl border border-border bg-card p-6">
        <Bone className="h-5 w-40" />
        <Bone className="mt-2 h-4 w-64" />
        <Bone className="mt-6 h-10 w-full max-w-sm" />
        <Bone className="mt-5 h-10 w-full max-w-sm" />
        <Bone className="mt-5 h-9 w-24" />
      </div>
    </PageSkeleton>
  );
}
