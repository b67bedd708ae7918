import type { AssetType } from "@/lib/generated/prisma/enums";
import { assetTypeNouns, BYTES_PER_MB, formatsOfType, mediaFormats } from "@/lib/media/limits";

/** Wording shared by the refusal messages. */

/** "images", "videos", "audio files" */
export function typePlural(type: AssetType): string {
  return type === "AUDIO" ? "audio files" : `${assetTypeNouns[type]}s`;
}

/** "JPEG, PNG, …, HEIC or HEIF": the formats accepted for a type. */
export function formatLabels(type: AssetType): string {
  return listWords(formatsOfType(type).map((id) => mediaFormats[id].label));
}

/**
 * The formats accepted for a type, joined in `locale`'s words ("JPEG、PNG…或 HEIF" in Chinese).
 * English keeps `formatLabels`' own wording ("… HEIC or HEIF", no serial comma).
 */
export function formatLabelsIn(type: AssetType, locale: string): string {
  if (locale === "en" || locale.startsWith("en-")) return formatLabels(type);
  const labels = formatsOfType(type).map((id) => mediaFormats[id].label);
  return new Intl.ListFormat(locale, { type: "disjunction" }).format(labels);
}

/** "A, B or C" */
export function listWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join("");
  return `${words.slice(0, -1).join(", ")} or ${words[words.length - 1]}`;
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** At most `decimals` decimals, without trailing zeros. */
export function formatNumber(value: number, decimals: number): string {
  return String(Number(value.toFixed(decimals)));
}

/** "31.2 MB"; more decimals when one would make it look equal to the limit. */
export function formatMegabytes(bytes: number, limitMb?: number): string {
  const mb = bytes / BYTES_PER_MB;
  const short = formatNumber(mb, 1);
  if (limitMb !== undefined && Number(short) === limitMb && mb !== limitMb) return `${formatNumber(mb, 6)} MB`;
  return `${short} MB`;
}
