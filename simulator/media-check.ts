import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileTypeFromBuffer } from "file-type";
import { parseBuffer } from "music-metadata";
import sharp from "sharp";
import { probeFile } from "./ffmpeg";
import { AUDIO_LIMITS, IMAGE_LIMITS, MIB, VIDEO_LIMITS, type AssetType } from "./limits";

export type Inspection =
  | {
      ok: true;
      /** file-type's extension: jpg, png, mp4, wav… */
      format: string;
      mime: string;
      bytes: number;
      width?: number;
      height?: number;
      durationSeconds?: number;
    }
  | { ok: false; reason: string };

const KIND_OF_TYPE: Record<AssetType, "image" | "video" | "audio"> = { Image: "image", Video: "video", Audio: "audio" };

const FORMATS: Record<AssetType, readonly string[]> = {
  Image: IMAGE_LIMITS.formats,
  Video: VIDEO_LIMITS.formats,
  Audio: AUDIO_LIMITS.formats,
};

function mb(bytes: number): string {
  return `${(bytes / MIB).toFixed(1)} MB`;
}

export function tooLargeReason(type: AssetType, size: number): string {
  if (type === "Image") {
    return `InvalidParameter.ImageFileTooLarge: the image is ${mb(size)}; it must be under ${mb(IMAGE_LIMITS.maxBytesExclusive)}`;
  }
  if (type === "Video") {
    return `InvalidParameter.VideoFileTooLarge: the video is ${mb(size)}; it must be at most ${mb(VIDEO_LIMITS.maxBytes)}`;
  }
  return `InvalidParameter.AudioFileTooLarge: the audio is ${mb(size)}; it must be at most ${mb(AUDIO_LIMITS.maxBytes)}`;
}

/** Detects a downloaded file's format by its content and checks it against the documented limits. */
export async function inspectMedia(bytes: Buffer, type: AssetType, signal?: AbortSignal): Promise<Inspection> {
  const detected = await fileTypeFromBuffer(bytes);
  if (!detected) {
    return { ok: false, reason: "InvalidParameter.UnsupportedFormat: the file's format could not be recognised" };
  }
  const kind = detected.mime.split("/")[0];
  const format = detected.ext === "heic" && detected.mime === "image/heif" ? "heif" : detected.ext;
  if (kind !== KIND_OF_TYPE[type]) {
    return {
      ok: false,
      reason: `InvalidParameter.AssetTypeMismatch: the file is ${detected.ext} (${detected.mime}) but asset_type is ${type}`,
    };
  }
  if (!FORMATS[type].includes(format)) {
    return {
      ok: false,
      reason: `InvalidParameter.UnsupportedFormat: ${detected.ext} is not accepted for ${type} assets (accepted: ${FORMATS[type].join(", ")})`,
    };
  }
  const base = { ok: true as const, format, mime: detected.mime, bytes: bytes.length };
  if (type === "Image") return checkImage(bytes, base);
  if (type === "Video") return checkVideo(bytes, base, signal);
  return checkAudio(bytes, base);
}

type Base = { ok: true; format: string; mime: string; bytes: number };

async function checkImage(bytes: Buffer, base: Base): Promise<Inspection> {
  if (bytes.length >= IMAGE_LIMITS.maxBytesExclusive) return { ok: false, reason: tooLargeReason("Image", bytes.length) };
  let width: number;
  let height: number;
  try {
    const meta = await sharp(bytes, { limitInputPixels: false }).metadata();
    const rotated = (meta.orientation ?? 1) >= 5;
    width = (rotated ? meta.height : meta.width) ?? 0;
    height = (rotated ? meta.width : meta.height) ?? 0;
  } catch (error) {
    return {
      ok: false,
      reason: `InvalidParameter.FileDecodeFailed: the image could not be read (${(error as Error).message})`,
    };
  }
  const { minSide, maxSide, minRatio, maxRatio } = IMAGE_LIMITS;
  if (width < minSide || height < minSide || width > maxSide || height > maxSide) {
    return {
      ok: false,
      reason: `InvalidParameter.ImageSizeOutOfRange: the image is ${width}x${height} px; each side must be ${minSide}–${maxSide} px`,
    };
  }
  const ratio = width / height;
  if (ratio < minRatio || ratio > maxRatio) {
    return {
      ok: false,
      reason: `InvalidParameter.ImageAspectRatioOutOfRange: the image's width/height ratio is ${ratio.toFixed(2)}; it must be ${minRatio}–${maxRatio}`,
    };
  }
  return { ...base, width, height };
}

async function checkVideo(bytes: Buffer, base: Base, signal?: AbortSignal): Promise<Inspection> {
  if (bytes.length > VIDEO_LIMITS.maxBytes) return { ok: false, reason: tooLargeReason("Video", bytes.length) };
  const dir = await mkdtemp(path.join(os.tmpdir(), "seedance-sim-video-"));
  try {
    const file = path.join(dir, `input.${base.format}`);
    await writeFile(file, bytes);
    const probe = await probeFile(file, signal);
    const duration = probe.durationSeconds;
    const video = probe.video;
    if (!video || duration === undefined) {
      return { ok: false, reason: "InvalidParameter.FileDecodeFailed: the video could not be read" };
    }
    const { minSeconds, maxSeconds, minFps, maxFps, shortSides } = VIDEO_LIMITS;
    if (duration < minSeconds || duration > maxSeconds) {
      return {
        ok: false,
        reason: `InvalidParameter.VideoDurationOutOfRange: the video lasts ${duration.toFixed(2)} s; it must last ${minSeconds}–${maxSeconds} s`,
      };
    }
    if (video.fps === undefined || video.fps < minFps || video.fps > maxFps) {
      return {
        ok: false,
        reason: `InvalidParameter.VideoFrameRateOutOfRange: the video runs at ${video.fps ?? "an unknown rate of"} fps; it must be ${minFps}–${maxFps} fps`,
      };
    }
    const shortSide = Math.min(video.width, video.height);
    if (!(shortSides as readonly number[]).includes(shortSide)) {
      return {
        ok: false,
        reason: `InvalidParameter.VideoResolutionOutOfRange: the video is ${video.width}x${video.height}; it must be 480p or 720p`,
      };
    }
    return { ...base, width: video.width, height: video.height, durationSeconds: duration };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function checkAudio(bytes: Buffer, base: Base): Promise<Inspection> {
  if (bytes.length > AUDIO_LIMITS.maxBytes) return { ok: false, reason: tooLargeReason("Audio", bytes.length) };
  let duration: number | undefined;
  try {
    const meta = await parseBuffer(bytes, { mimeType: base.mime, size: bytes.length }, { duration: true, skipCovers: true });
    duration = meta.format.duration;
  } catch (error) {
    return {
      ok: false,
      reason: `InvalidParameter.FileDecodeFailed: the audio could not be read (${(error as Error).message})`,
    };
  }
  if (duration === undefined) {
    return { ok: false, reason: "InvalidParameter.FileDecodeFailed: the audio's duration could not be read" };
  }
  const { minSeconds, maxSeconds } = AUDIO_LIMITS;
  if (duration < minSeconds || duration > maxSeconds) {
    return {
      ok: false,
      reason: `InvalidParameter.AudioDurationOutOfRange: the audio lasts ${duration.toFixed(2)} s; it must last ${minSeconds}–${maxSeconds} s`,
    };
  }
  return { ...base, durationSeconds: duration };
}
