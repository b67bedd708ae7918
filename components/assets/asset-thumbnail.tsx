import { AudioLines } from "@/components/icons/audio-lines";
import { Film } from "@/components/icons/film";
import { ImageIcon } from "@/components/icons/image-icon";
import { useTranslations } from "next-intl";
import type { AssetType } from "@/lib/generated/prisma/enums";
import { cn } from "@/lib/utils";

const icons = { IMAGE: ImageIcon, VIDEO: Film, AUDIO: AudioLines } as const;

const looks = {
  /** Fills the box it is given (gallery cards, the drawer, the review queue). */
  cover: { box: "", icon: "size-8", iconLabel: "type", badge: "bottom-1.5 right-1.5 p-1", badgeIcon: "size-3.5" },
  /** A small square tile (the asset picker, a job's references). */
  tile: { box: "aspect-square rounded-md", icon: "size-1/3", iconLabel: "name", badge: "bottom-1 right-1 p-0.5", badgeIcon: "size-3" },
} as const;

/**
 * An asset's preview: its stored thumbnail (or the image itself), or an icon of its type;
 * a video or audio file with a picture wears a small icon of its type in the corner.
 */
export function AssetThumbnail({
  type,
  thumbnailUrl,
  name,
  look = "cover",
  decorative = false,
  className,
}: {
  type: AssetType;
  thumbnailUrl: string | null;
  name: string;
  look?: keyof typeof looks;
  /** Inside a control already named after the asset: the picture adds nothing to its name. */
  decorative?: boolean;
  className?: string;
}) {
  const t = useTranslations("assets");
  const Icon = icons[type];
  const style = looks[look];
  return (
    <div className={cn("relative flex items-center justify-center overflow-hidden bg-muted text-muted-foreground", style.box, className)}>
      {thumbnailUrl ? (
        // Thumbnails come from our own storage at any size; next/image would add nothing here.
        // eslint-disable-next-line @next/next/no-img-element
        <img src={thumbnailUrl} alt={decorative ? "" : name} loading="lazy" decoding="async" className="size-full object-cover" />
      ) : (
        <Icon className={style.icon} aria-label={decorative ? undefined : style.iconLabel === "name" ? name : t(`thumbnail.types.${type}`)} aria-hidden={decorative || undefined} />
      )}
      {thumbnailUrl && type !== "IMAGE" ? (
        <span className={cn("absolute rounded bg-black/60 text-white", style.badge)}>
          <Icon className={style.badgeIcon} aria-hidden />
        </span>
      ) : null}
    </div>
  );
}
