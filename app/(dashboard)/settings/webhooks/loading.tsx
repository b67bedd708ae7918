import { useTranslations } from "next-intl";
import { Bone, PageSkeleton } from "@/components/gallery/skeleton";

export default function WebhooksLoading() {
  const t = useTranslations("webhooks");
  return (
    <PageSkeleton title={t("title")} label={t("loading")} className="max-w-5xl">
      <div className="rounded-xl border border-border bg-card p-6">
        <Bone className="h-5 w-40" />
        <Bone className="mt-2 h-4 w-full max-w-md" />
        <div className="mt-6 grid gap-4 sm:grid-cols-2">
          <Bone className="h-10 w-full" />
          <Bone className="h-10 w-full" />
        </div>
        <Bone className="mt-4 h-28 w-full max-w-sm" />
      </div>
      {Array.from({ length: 2 }, (_, i) => (
        <div key={i} className="mt-6 rounded-xl border border-border bg-card p-6">
          <Bone className="h-6 w-72 max-w-full" />
          <Bone className="mt-2 h-4 w-56 max-w-full" />
          <Bone className="mt-4 h-24 w-full" />
        </div>
      ))}
    </PageSkeleton>
  );
}
