import { AudioLines, Film, ImageIcon } from "lucide-react";
import type { AssetType } from "@/lib/generated/prisma/enums";
import { cn } from "@/lib/utils";

/** A square preview of an asset: its thumbnail, or an icon for audio and pictureless files. */
export function AssetThumbnail({ type, thumbnailUrl, name, className }: { type: AssetType; thumbnailUrl: string | null; name: string; className?: string }) {
  const Icon = type === "AUDIO" ? AudioLines : type === "VIDEO" ? Film : ImageIcon;
  return (
    <div className={cn("relative flex aspect-square items-center justify-center overflow-hidden rounded-md bg-muted text-muted-foreground", className)}>
      {thumbnailUrl ? (
        // eslint-disable-next-line @next/next/no-img-element -- stored files are served as they are
        <img src={thumbnailUrl} alt={name} loading="lazy" className="size-full object-cover" />
      ) : (
        <Icon className="size-1/3" aria-label={name} />
      )}
      {type !== "IMAGE" && thumbnailUrl ? (
        <span className="absolute right-1 bottom-1 rounded bg-black/60 p-0.5 text-white">
          <Icon className="size-3" aria-hidden />
        </span>
      ) : null}
    </div>
  );
}
