import { useTranslations } from "next-intl";
import { AssetThumbnail } from "@/components/assets/asset-thumbnail";
import type { VideoJobView } from "@/lib/generation/video-job-view";

/** The first few references of a job as overlapping thumbnails, and how many more there are. */
export function ReferenceThumbnails({ references, max = 4 }: { references: VideoJobView["references"]; max?: number }) {
  const t = useTranslations("jobs");
  if (references.length === 0) return <span className="text-xs text-muted-foreground">{t("promptOnly")}</span>;
  const shown = references.slice(0, max);
  return (
    <div className="flex items-center" data-testid="reference-thumbnails">
      {shown.map((r, i) => (
        <AssetThumbnail look="tile"
          key={`${r.assetId}-${i}`}
          type={r.type}
          thumbnailUrl={r.thumbnailUrl}
          name={r.name}
          className={`size-10 shrink-0 border-2 border-card ${i > 0 ? "-ml-3" : ""}`}
        />
      ))}
      {references.length > max ? <span className="ml-1 text-xs text-muted-foreground">+{references.length - max}</span> : null}
    </div>
  );
}
