/**
 * Asset names. The provider matches review results to what was sent by name only, so every
 * name in one submission must be unique; these helpers propose names that are.
 */

/** The provider's limit on an asset name. */
export const MAX_ASSET_NAME_LENGTH = 255;

const FALLBACK_NAME = "asset";

/** Trimmed, single-spaced, without control characters, cut to the provider's limit. */
export function cleanAssetName(raw: string): string {
  return raw
    .normalize("NFC")
    .replace(/\p{Cc}/gu, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, MAX_ASSET_NAME_LENGTH)
    .trim();
}

/** "Team Photo.final.png" → "Team Photo.final"; a name with no stem becomes "asset". */
export function nameFromFileName(fileName: string): string {
  const base = fileName.split(/[/\\]/).pop() ?? "";
  const dot = base.lastIndexOf(".");
  const stem = dot > 0 ? base.slice(0, dot) : base;
  return cleanAssetName(stem) || FALLBACK_NAME;
}

/** The last path segment of a URL, without its extension: "https://x/a/b/face.png?v=2" → "face". */
export function nameFromUrl(url: string): string {
  try {
    const segments = new URL(url).pathname.split("/").filter(Boolean);
    const last = segments.at(-1);
    return last ? nameFromFileName(safeDecode(last)) : FALLBACK_NAME;
  } catch {
    return FALLBACK_NAME;
  }
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * `wanted` when no name in `taken` equals it, else the first free `wanted-2`, `wanted-3`, …
 * (the stem is shortened when needed so that the result stays within 255 characters).
 */
export function uniqueName(wanted: string, taken: ReadonlySet<string>): string {
  const name = cleanAssetName(wanted) || FALLBACK_NAME;
  if (!taken.has(name)) return name;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const candidate = `${name.slice(0, MAX_ASSET_NAME_LENGTH - suffix.length).trimEnd()}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/**
 * Unique names for a list, in order: the first holder of a name keeps it and later ones get
 * `-2`, `-3`, … `fixed` names are taken already (for example names the user typed).
 */
export function proposeUniqueNames(wanted: readonly string[], fixed: Iterable<string> = []): string[] {
  const taken = new Set(fixed);
  return wanted.map((w) => {
    const name = uniqueName(w, taken);
    taken.add(name);
    return name;
  });
}
