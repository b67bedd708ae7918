import { useTranslations } from "next-intl";
import { Bone, PageSkeleton } from "@/components/gallery/skeleton";

export default function GalleryLoading() {
  const t = useTranslations("gallery");
  return (
    <PageSkeleton title={t("title")} label={t("loading")} className="mx-auto max-w-7xl">
      <div className="space-y-4">
        <div className="flex gap-1">
          {["w-28", "w-28", "w-20", "w-16"].map((w, i) => (
            <Bone key={i} className={`h-8 rounded-full ${w}`} />
          ))}
        </div>
        <Bone className="h-9 w-full" />
        <ul className="grid gap-3 [grid-template-columns:repeat(auto-fill,minmax(min(100%,10rem),1fr))]">
          {Array.from({ length: 12 }, (_, i) => (
            <li key={i} className="overflow-hidden rounded-lg border border-border bg-card">
              <Bone className="aspect-square w-full rounded-none" />
              <div className="space-y-1.5 p-2">
                <Bone className="h-4 w-3/4" />
                <Bone className="h-3 w-1/2" />
              </div>
            </li>
          ))}
        </ul>
      </div>
    </PageSkeleton>
  );
}
