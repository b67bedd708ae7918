import { AudioLines, Film, ImageIcon } from "lucide-react";
import type { AssetType } from "@/lib/generated/prisma/enums";
import { cn } from "@/lib/utils";

const icons = { IMAGE: ImageIcon, VIDEO: Film, AUDIO: AudioLines } as const;

/** An asset's thumbnail (its stored thumbnail, or the image itself), or an icon of its type. */
export function AssetThumbnail({
  type,
  thumbnailUrl,
  name,
  className,
}: {
  type: AssetType;
  thumbnailUrl: string | null;
  name: string;
  className?: string;
}) {
  const Icon = icons[type];
  return (
    <div className={cn("relative flex items-center justify-center overflow-hidden bg-muted", className)}>
      {thumbnailUrl ? (
        // Thumbnails come from our own storage at any size; next/image would add nothing here.
        // eslint-disable-next-line @next/next/no-img-element
        <img src={thumbnailUrl} alt={name} loading="lazy" decoding="async" className="size-full object-cover" />
      ) : (
        <Icon className="size-8 text-muted-foreground" aria-label={type.toLowerCase()} />
      )}
      {thumbnailUrl && type !== "IMAGE" ? (
        <span className="absolute bottom-1.5 right-1.5 rounded bg-black/60 p-1 text-white">
          <Icon className="size-3.5" aria-hidden />
        </span>
      ) : null}
    </div>
  );
}
