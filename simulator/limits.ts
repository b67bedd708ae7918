/**
 * The provider's documented limits. The simulator keeps its own copy because it stands for
 * the provider: the app's copy may drift, and the simulator must then disagree with it.
 */

export const MIB = 1024 * 1024;

export const ASSET_TYPES = ["Image", "Video", "Audio"] as const;
export type AssetType = (typeof ASSET_TYPES)[number];

export const SUBMIT_LIMITS = {
  minAssets: 1,
  maxAssets: 20,
  nameMaxLength: 255,
  descriptionMaxLength: 4000,
  projectNameMaxLength: 255,
  urlMaxLength: 8192,
  defaultProjectName: "default",
  defaultAssetType: "Image" as AssetType,
} as const;

export const IMAGE_LIMITS = {
  /** file-type extensions accepted as images. */
  formats: ["jpg", "png", "webp", "bmp", "tif", "gif", "heic", "heif"],
  minSide: 300,
  maxSide: 6000,
  minRatio: 0.4,
  maxRatio: 2.5,
  /** Strictly less than this many bytes. */
  maxBytesExclusive: 30 * MIB,
} as const;

export const VIDEO_LIMITS = {
  formats: ["mp4", "mov"],
  minSeconds: 2,
  maxSeconds: 15,
  minFps: 24,
  maxFps: 60,
  maxBytes: 50 * MIB,
  /** The short side of a 480p or 720p video. */
  shortSides: [480, 720],
} as const;

export const AUDIO_LIMITS = {
  formats: ["wav", "mp3"],
  minSeconds: 2,
  maxSeconds: 15,
  maxBytes: 15 * MIB,
} as const;

export const GENERATION_LIMITS = {
  promptMaxLength: 4000,
  minDuration: 4,
  maxDuration: 15,
  defaultDuration: 5,
  sizes: ["16:9", "9:16", "1:1", "4:3", "3:4", "21:9", "adaptive"],
  defaultSize: "16:9",
  resolutions: ["480p", "720p", "1080p"],
  defaultResolution: "720p",
  roles: ["first_frame", "last_frame", "reference_image"],
  maxImageUrls: 9,
  maxVideoUrls: 3,
  maxAudioUrls: 3,
  maxReferences: 12,
  /** Unfinished generation tasks one account may have queued. */
  maxQueuedTasks: 120,
} as const;

export const TASK_LANGUAGES = ["en", "zh", "ko", "ja"] as const;
export type TaskLanguage = (typeof TASK_LANGUAGES)[number];

/** Tasks can be looked up for this long after they were created. */
export const TASK_RETENTION_SECONDS = 7 * 24 * 3600;

export const DEFAULT_MODEL = "doubao-seedance-2.0";

export function maxBytesFor(type: AssetType): number {
  if (type === "Image") return IMAGE_LIMITS.maxBytesExclusive - 1;
  if (type === "Video") return VIDEO_LIMITS.maxBytes;
  return AUDIO_LIMITS.maxBytes;
}
