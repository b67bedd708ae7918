import type { AssetType } from "@/lib/generated/prisma/enums";
import type { VideoParams } from "@/lib/generation/video-request-schema";
import { messageKey } from "@/lib/i18n/message-key";

/**
 * The rules of a Seedance 2.0 generation request, in one browser-safe module: the Generate
 * form checks them as the user picks, and the server checks them again, against the assets
 * as the database knows them, before anything is written or sent. The request's zod schema,
 * built on these, is in video-request-schema.ts (server and types only: no validation
 * library in the browser).
 */

export const videoLimits = {
  promptMaxChars: 4000,
  minDurationSeconds: 4,
  maxDurationSeconds: 15,
  maxImages: 9,
  maxVideos: 3,
  maxAudios: 3,
  maxReferences: 12,
  /** Video references together: 2 to 15 s. */
  minVideoTotalMs: 2_000,
  maxVideoTotalMs: 15_000,
  /** Audio references together: at most 15 s. */
  maxAudioTotalMs: 15_000,
  minSeed: -1,
  maxSeed: 4_294_967_295,
} as const;

export const aspectRatios = ["16:9", "9:16", "1:1", "4:3", "3:4", "21:9", "adaptive"] as const;
export const resolutions = ["480p", "720p", "1080p"] as const;

export const imageRoles = ["reference_image", "first_frame", "last_frame"] as const;
export const referenceRoles = [...imageRoles, "reference_video", "reference_audio"] as const;
export type ReferenceRole = (typeof referenceRoles)[number];

/** The role an asset of a type takes unless the user picks another (images only may). */
export function defaultRoleFor(type: AssetType): ReferenceRole {
  return type === "VIDEO" ? "reference_video" : type === "AUDIO" ? "reference_audio" : "reference_image";
}

/** A video's parameters as a form holds them, before they are checked. */
export type VideoParamsInput = Omit<VideoParams, "aspectRatio" | "resolution"> & { aspectRatio: string; resolution: string };

/**
 * What is wrong with a video's parameters, as catalogue keys ("validation.videoDurationRange"),
 * in the order the server's schema (video-request-schema.ts) reports them; empty when they
 * may be sent. The Generate form shows these as the user picks; a test holds them to the schema.
 */
export function videoParamProblems(params: VideoParamsInput): string[] {
  const out: string[] = [];
  /** A whole number within the range; a fraction is reported as that alone (as zod's `.int()` does). */
  const checkWhole = (n: number, min: number, max: number, whole: string, range: string) => {
    if (!Number.isInteger(n)) return out.push(whole);
    if (!Number.isSafeInteger(n)) out.push(whole);
    if (n < min || n > max) out.push(range);
  };
  if (Number.isFinite(params.duration)) {
    const { minDurationSeconds, maxDurationSeconds } = videoLimits;
    checkWhole(params.duration, minDurationSeconds, maxDurationSeconds, messageKey("validation.videoDurationWhole"), messageKey("validation.videoDurationRange"));
  } else {
    out.push(messageKey("validation.videoDurationRequired"));
  }
  if (!(aspectRatios as readonly string[]).includes(params.aspectRatio)) out.push(messageKey("validation.videoAspectRatioRequired"));
  if (!(resolutions as readonly string[]).includes(params.resolution)) out.push(messageKey("validation.videoResolutionRequired"));
  if (params.seed !== null) {
    if (Number.isFinite(params.seed)) {
      checkWhole(params.seed, videoLimits.minSeed, videoLimits.maxSeed, messageKey("validation.videoSeedWhole"), messageKey("validation.videoSeedRange"));
    } else {
      out.push(messageKey("validation.videoSeedWhole"));
    }
  }
  return out;
}

/** The provider's own defaults, used where a team has set none. */
export const providerDefaultParams: VideoParams = {
  duration: 5,
  aspectRatio: "16:9",
  resolution: "720p",
  generateAudio: true,
  seed: null,
  returnLastFrame: false,
};

export type RuleId =
  | "wrong-role"
  | "duplicate"
  | "too-many-images"
  | "too-many-videos"
  | "too-many-audios"
  | "too-many-references"
  | "frames-with-video-or-audio"
  | "frames-with-reference-images"
  | "one-first-frame"
  | "one-last-frame"
  | "last-frame-needs-first"
  | "audio-needs-visual"
  | "video-too-short"
  | "video-too-long"
  | "audio-too-long"
  | "prompt-or-reference"
  | "prompt-too-long";

export type RuleViolation = {
  rule: RuleId;
  field: "references" | "prompt";
  /** in English, for logs and API clients */
  message: string;
  /** the same sentence as a whole catalogue key ("videoRules.tooManyImages") and its placeholders' values */
  key: string;
  values?: Record<string, string>;
};

/** Each rule's sentence in the catalogue. */
const ruleKeys: Record<RuleId, string> = {
  "wrong-role": messageKey("videoRules.wrongRole"),
  "duplicate": messageKey("videoRules.duplicate"),
  "too-many-images": messageKey("videoRules.tooManyImages"),
  "too-many-videos": messageKey("videoRules.tooManyVideos"),
  "too-many-audios": messageKey("videoRules.tooManyAudios"),
  "too-many-references": messageKey("videoRules.tooManyReferences"),
  "frames-with-video-or-audio": messageKey("videoRules.framesWithVideoOrAudio"),
  "frames-with-reference-images": messageKey("videoRules.framesWithReferenceImages"),
  "one-first-frame": messageKey("videoRules.oneFirstFrame"),
  "one-last-frame": messageKey("videoRules.oneLastFrame"),
  "last-frame-needs-first": messageKey("videoRules.lastFrameNeedsFirst"),
  "audio-needs-visual": messageKey("videoRules.audioNeedsVisual"),
  "video-too-short": messageKey("videoRules.videoTooShort"),
  "video-too-long": messageKey("videoRules.videoTooLong"),
  "audio-too-long": messageKey("videoRules.audioTooLong"),
  "prompt-or-reference": messageKey("videoRules.promptOrReference"),
  "prompt-too-long": messageKey("videoRules.promptTooLong"),
};

/** What the rules look at: the prompt, and each reference's type, role and (when known) length. */
export type RuleInput = {
  prompt: string;
  references: readonly { assetId?: string; type: AssetType; role: ReferenceRole; durationMs?: number | null }[];
};

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const seconds = (ms: number) => `${Math.round(ms / 100) / 10} s`;

/**
 * Every rule the request breaks, in plain words; empty when it may be sent. Pure: the same
 * answer in the browser and on the server.
 */
export function checkVideoRules(input: RuleInput): RuleViolation[] {
  const out: RuleViolation[] = [];
  const add = (rule: RuleId, message: string, values?: Record<string, string>, field: RuleViolation["field"] = "references") =>
    out.push({ rule, field, message, key: ruleKeys[rule], ...(values ? { values } : {}) });
  const refs = input.references;
  const images = refs.filter((r) => r.type === "IMAGE");
  const videos = refs.filter((r) => r.type === "VIDEO");
  const audios = refs.filter((r) => r.type === "AUDIO");

  const misplaced = refs.filter((r) => (r.type === "IMAGE" ? !(imageRoles as readonly string[]).includes(r.role) : r.role !== defaultRoleFor(r.type)));
  if (misplaced.length > 0) add("wrong-role", "Only images can be a reference image, a first frame or a last frame; videos and audio are references of their own kind.");

  const ids = refs.map((r) => r.assetId).filter((id): id is string => !!id);
  if (new Set(ids).size !== ids.length) add("duplicate", "Each asset can be used once in a video.");

  if (images.length > videoLimits.maxImages) add("too-many-images", `At most ${videoLimits.maxImages} images can be used (you chose ${images.length}).`, { max: String(videoLimits.maxImages), count: String(images.length) });
  if (videos.length > videoLimits.maxVideos) add("too-many-videos", `At most ${videoLimits.maxVideos} videos can be used (you chose ${videos.length}).`, { max: String(videoLimits.maxVideos), count: String(videos.length) });
  if (audios.length > videoLimits.maxAudios) add("too-many-audios", `At most ${videoLimits.maxAudios} audio clips can be used (you chose ${audios.length}).`, { max: String(videoLimits.maxAudios), count: String(audios.length) });
  if (refs.length > videoLimits.maxReferences) add("too-many-references", `At most ${videoLimits.maxReferences} references can be used in all (you chose ${refs.length}).`, { max: String(videoLimits.maxReferences), count: String(refs.length) });

  const firstFrames = images.filter((r) => r.role === "first_frame").length;
  const lastFrames = images.filter((r) => r.role === "last_frame").length;
  const referenceImages = images.filter((r) => r.role === "reference_image").length;
  if (firstFrames + lastFrames > 0) {
    if (videos.length + audios.length > 0) {
      add(
        "frames-with-video-or-audio",
        "A first or last frame can't be combined with video or audio references. Remove the video and audio, or use the image as a reference image instead.",
      );
    }
    if (referenceImages > 0) {
      add(
        "frames-with-reference-images",
        "First/last frame mode uses only the frame images. Make the other images a frame too, or remove them, or switch every image back to reference image.",
      );
    }
    if (firstFrames > 1) add("one-first-frame", `Only one image can be the first frame (${firstFrames} are).`, { count: String(firstFrames) });
    if (lastFrames > 1) add("one-last-frame", `Only one image can be the last frame (${lastFrames} are).`, { count: String(lastFrames) });
    if (lastFrames > 0 && firstFrames === 0) add("last-frame-needs-first", "A last frame needs a first frame: mark another image as the first frame.");
  }

  if (audios.length > 0 && images.length + videos.length === 0) {
    add("audio-needs-visual", "Audio needs an image or video reference to go with it.");
  }

  if (videos.length > 0 && videos.every((v) => typeof v.durationMs === "number")) {
    const total = videos.reduce((sum, v) => sum + (v.durationMs ?? 0), 0);
    if (total < videoLimits.minVideoTotalMs) add("video-too-short", `The video references together must last at least 2 s (they last ${seconds(total)}).`, { total: seconds(total) });
    if (total > videoLimits.maxVideoTotalMs) add("video-too-long", `The video references together may last at most 15 s (they last ${seconds(total)}).`, { total: seconds(total) });
  }
  if (audios.length > 0 && audios.every((a) => typeof a.durationMs === "number")) {
    const total = audios.reduce((sum, a) => sum + (a.durationMs ?? 0), 0);
    if (total > videoLimits.maxAudioTotalMs) add("audio-too-long", `The audio references together may last at most 15 s (they last ${seconds(total)}).`, { total: seconds(total) });
  }

  if (input.prompt.trim().length === 0 && refs.length === 0) add("prompt-or-reference", "Write a prompt or choose at least one reference.", undefined, "prompt");
  if (input.prompt.length > videoLimits.promptMaxChars) {
    const values = { max: String(videoLimits.promptMaxChars), count: String(input.prompt.length) };
    add("prompt-too-long", `The prompt may be ${videoLimits.promptMaxChars} characters at most (it has ${input.prompt.length}).`, values, "prompt");
  }
  return out;
}

/** "2 images, 1 audio clip" */
export function describeReferenceCounts(refs: readonly { type: AssetType }[]): string {
  const images = refs.filter((r) => r.type === "IMAGE").length;
  const videos = refs.filter((r) => r.type === "VIDEO").length;
  const audios = refs.filter((r) => r.type === "AUDIO").length;
  const parts = [images && plural(images, "image"), videos && plural(videos, "video"), audios && plural(audios, "audio clip")].filter(Boolean);
  return parts.length ? parts.join(", ") : "no references";
}
