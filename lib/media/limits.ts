import type { AssetType } from "@/lib/generated/prisma/enums";

/**
 * The file limits the provider documents, in one place. The browser checks a file against
 * them before it is sent and the server checks it again after reading its bytes, so this
 * module must stay free of Node imports.
 *
 * Sizes are decimal megabytes (1 MB = 1,000,000 bytes): the stricter reading of "MB", so a
 * file accepted here is never too large for the provider under either reading.
 */
export const BYTES_PER_MB = 1_000_000;

export const mediaFormats = {
  jpeg: { type: "IMAGE", label: "JPEG", mimeType: "image/jpeg", mimeAliases: ["image/jpg", "image/pjpeg"], extensions: ["jpg", "jpeg", "jpe", "jfif"] },
  png: { type: "IMAGE", label: "PNG", mimeType: "image/png", mimeAliases: ["image/apng", "image/x-png"], extensions: ["png"] },
  webp: { type: "IMAGE", label: "WebP", mimeType: "image/webp", mimeAliases: [], extensions: ["webp"] },
  bmp: { type: "IMAGE", label: "BMP", mimeType: "image/bmp", mimeAliases: ["image/x-bmp", "image/x-ms-bmp"], extensions: ["bmp"] },
  tiff: { type: "IMAGE", label: "TIFF", mimeType: "image/tiff", mimeAliases: ["image/tif", "image/x-tiff"], extensions: ["tif", "tiff"] },
  gif: { type: "IMAGE", label: "GIF", mimeType: "image/gif", mimeAliases: [], extensions: ["gif"] },
  heic: { type: "IMAGE", label: "HEIC", mimeType: "image/heic", mimeAliases: [], extensions: ["heic"] },
  heif: { type: "IMAGE", label: "HEIF", mimeType: "image/heif", mimeAliases: [], extensions: ["heif", "hif"] },
  mp4: { type: "VIDEO", label: "MP4", mimeType: "video/mp4", mimeAliases: [], extensions: ["mp4"] },
  mov: { type: "VIDEO", label: "MOV", mimeType: "video/quicktime", mimeAliases: [], extensions: ["mov", "qt"] },
  wav: { type: "AUDIO", label: "WAV", mimeType: "audio/wav", mimeAliases: ["audio/x-wav", "audio/wave", "audio/vnd.wave"], extensions: ["wav"] },
  mp3: { type: "AUDIO", label: "MP3", mimeType: "audio/mpeg", mimeAliases: ["audio/mp3", "audio/x-mp3", "audio/mpeg3", "audio/x-mpeg"], extensions: ["mp3"] },
} as const satisfies Record<
  string,
  {
    type: AssetType;
    label: string;
    /** The type files of this format are stored and served with. */
    mimeType: string;
    /** Other names browsers and tools give the same format. */
    mimeAliases: readonly string[];
    /** Lower case, without the dot; the first one is used for stored file names. */
    extensions: readonly string[];
  }
>;

export type MediaFormat = keyof typeof mediaFormats;

export const mediaFormatIds = Object.keys(mediaFormats) as MediaFormat[];

export const imageLimits = {
  minSidePx: 300,
  maxSidePx: 6000,
  /** width / height, both bounds allowed */
  minAspectRatio: 0.4,
  maxAspectRatio: 2.5,
  /** strictly under this size */
  maxBytesExclusive: 30 * BYTES_PER_MB,
} as const;

export const videoLimits = {
  minDurationMs: 2_000,
  maxDurationMs: 15_000,
  minFps: 24,
  maxFps: 60,
  /** this size or less */
  maxBytes: 50 * BYTES_PER_MB,
  /**
   * "480p or 720p": the shorter side of the picture (as displayed) is exactly 480 or 720
   * pixels, whether the video is landscape or portrait. 1080p and others are refused.
   */
  shortSidePx: [480, 720],
  /**
   * The longer side, checked from the container's header before any frame is decoded: 720p
   * at 32:9 is 2560 px, so a 720 × 16000 "video" (a decompression bomb) never reaches the decoder.
   */
  maxSidePx: 2560,
} as const;

export const audioLimits = {
  minDurationMs: 2_000,
  maxDurationMs: 15_000,
  /** this size or less */
  maxBytes: 15 * BYTES_PER_MB,
} as const;

/** The largest file any type allows; uploads are cut off a little above it. */
export const MAX_MEDIA_BYTES = Math.max(imageLimits.maxBytesExclusive, videoLimits.maxBytes, audioLimits.maxBytes);

export const assetTypeNouns: Record<AssetType, string> = {
  IMAGE: "image",
  VIDEO: "video",
  AUDIO: "audio file",
};

/** The formats of one asset type, in the provider's order. */
export function formatsOfType(type: AssetType): MediaFormat[] {
  return mediaFormatIds.filter((id) => mediaFormats[id].type === type);
}

/**
 * What a file picker's `accept` wants: MIME type to extensions (with dots), for all
 * accepted formats or for one asset type.
 */
export function acceptMap(type?: AssetType): Record<string, string[]> {
  const map: Record<string, string[]> = {};
  for (const id of type ? formatsOfType(type) : mediaFormatIds) {
    const format = mediaFormats[id];
    map[format.mimeType] = format.extensions.map((ext) => `.${ext}`);
  }
  return map;
}
