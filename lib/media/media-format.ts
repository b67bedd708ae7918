import type { AssetType } from "@/lib/generated/prisma/enums";
import { mediaFormatIds, mediaFormats, type MediaFormat } from "@/lib/media/limits";

/** Lower-case extension of a file name, without the dot; "" when it has none. */
export function fileExtension(fileName: string): string {
  const base = fileName.split(/[/\\]/).pop() ?? "";
  const dot = base.lastIndexOf(".");
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : "";
}

/** The accepted format a MIME type names (parameters such as `; charset` are ignored). */
export function formatForMime(mimeType: string | null | undefined): MediaFormat | null {
  const mime = mimeType?.split(";")[0]?.trim().toLowerCase();
  if (!mime) return null;
  return (
    mediaFormatIds.find((id) => {
      const format = mediaFormats[id];
      return format.mimeType === mime || (format.mimeAliases as readonly string[]).includes(mime);
    }) ?? null
  );
}

/** The accepted format a file name's extension names. */
export function formatForFileName(fileName: string): MediaFormat | null {
  const ext = fileExtension(fileName);
  if (!ext) return null;
  return mediaFormatIds.find((id) => (mediaFormats[id].extensions as readonly string[]).includes(ext)) ?? null;
}

export function assetTypeForMime(mimeType: string | null | undefined): AssetType | null {
  const format = formatForMime(mimeType);
  return format ? mediaFormats[format].type : null;
}

export function assetTypeForExtension(fileName: string): AssetType | null {
  const format = formatForFileName(fileName);
  return format ? mediaFormats[format].type : null;
}

/**
 * What a file claims to be, from its MIME type and else its name. Only a claim: the server
 * decides by the file's bytes.
 */
export function claimedFormat(fileName: string, mimeType?: string | null): MediaFormat | null {
  return formatForMime(mimeType) ?? formatForFileName(fileName);
}
