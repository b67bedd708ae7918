import type { AssetType } from "@/lib/generated/prisma/enums";
import { capitalise, formatLabels, formatMegabytes, formatNumber, listWords, typePlural } from "@/lib/media/describe-media";
import { messageKey } from "@/lib/i18n/message-key";
import type { LimitViolation } from "@/lib/media/limit-violation";
import {
  assetTypeNouns,
  audioLimits,
  BYTES_PER_MB,
  imageLimits,
  type MediaFormat,
  mediaFormats,
  videoLimits,
} from "@/lib/media/limits";

/** What is known about a file. Unknown facts are left out (or null) and not checked. Browser-safe. */
export type MediaFacts = {
  type: AssetType;
  /** null when the file's format is not one of the accepted ones */
  format: MediaFormat | null;
  sizeBytes: number;
  /** as displayed (after any rotation) */
  width?: number | null;
  height?: number | null;
  durationMs?: number | null;
  fps?: number | null;
};

export type CheckLimitsOptions = {
  /**
   * The facts come from reading the whole file (the server): a fact the limits need but
   * the reading could not find is itself a reason to refuse. The browser leaves this off,
   * since it cannot always tell dimensions, duration or frame rate.
   */
  complete?: boolean;
};

/** Every documented limit the file breaks; an empty list means it may be sent. */
export function checkLimits(facts: MediaFacts, options: CheckLimitsOptions = {}): LimitViolation[] {
  const violations: LimitViolation[] = [];
  const noun = assetTypeNouns[facts.type];

  if (facts.sizeBytes === 0) {
    return [{ code: "EMPTY_FILE", message: "The file is empty.", key: messageKey("limits.emptyFile") }];
  }

  if (facts.format === null || mediaFormats[facts.format].type !== facts.type) {
    const labels = formatLabels(facts.type);
    const what = facts.format === null ? "This file's format" : mediaFormats[facts.format].label;
    violations.push({
      code: "FORMAT_NOT_ACCEPTED",
      message: `${what} is not accepted for ${typePlural(facts.type)}. ${capitalise(typePlural(facts.type))} must be ${labels}.`,
      ...(facts.format === null
        ? { key: messageKey("limits.unknownFormatNotAccepted"), values: { type: facts.type } }
        : { key: messageKey("limits.formatNotAccepted"), values: { type: facts.type, format: mediaFormats[facts.format].label } }),
    });
  }

  const size = sizeLimit(facts.type);
  if (size.exclusive ? facts.sizeBytes >= size.bytes : facts.sizeBytes > size.bytes) {
    const limitMb = size.bytes / BYTES_PER_MB;
    violations.push({
      code: "FILE_TOO_LARGE",
      message: `The ${noun} is ${formatMegabytes(facts.sizeBytes, limitMb)}; it must be ${size.exclusive ? `under ${limitMb} MB` : `${limitMb} MB or less`}.`,
      key: size.exclusive ? messageKey("limits.fileTooLargeUnder") : messageKey("limits.fileTooLarge"),
      values: { type: facts.type, size: formatMegabytes(facts.sizeBytes, limitMb), limit: String(limitMb) },
    });
  }

  const { width, height, durationMs, fps } = facts;
  const hasDimensions = width != null && height != null;

  if (facts.type === "IMAGE") {
    if (hasDimensions) {
      const { minSidePx, maxSidePx, minAspectRatio, maxAspectRatio } = imageLimits;
      if (Math.min(width, height) < minSidePx || Math.max(width, height) > maxSidePx) {
        violations.push({
          code: "IMAGE_SIDE_OUT_OF_RANGE",
          message: `The image is ${width}×${height} px; each side must be ${minSidePx}–${maxSidePx} px.`,
          key: messageKey("limits.imageSideOutOfRange"),
          values: { width: String(width), height: String(height), min: String(minSidePx), max: String(maxSidePx) },
        });
      }
      const ratio = width / height;
      if (ratio < minAspectRatio || ratio > maxAspectRatio) {
        violations.push({
          code: "IMAGE_RATIO_OUT_OF_RANGE",
          message: `The image is ${width}×${height} px, a width-to-height ratio of ${formatNumber(ratio, 3)}; the ratio must be ${minAspectRatio}–${maxAspectRatio}.`,
          key: messageKey("limits.imageRatioOutOfRange"),
          values: { width: String(width), height: String(height), ratio: formatNumber(ratio, 3), min: String(minAspectRatio), max: String(maxAspectRatio) },
        });
      }
    } else if (options.complete) {
      violations.push({
        code: "UNKNOWN_DIMENSIONS",
        message: "The image's width and height could not be read.",
        key: messageKey("limits.unknownDimensions"),
        values: { type: facts.type },
      });
    }
    return violations;
  }

  const durationLimits = facts.type === "VIDEO" ? videoLimits : audioLimits;
  if (durationMs != null) {
    if (durationMs < durationLimits.minDurationMs || durationMs > durationLimits.maxDurationMs) {
      violations.push({
        code: "DURATION_OUT_OF_RANGE",
        message: `The ${noun} is ${formatNumber(durationMs / 1000, 3)} s long; it must be ${durationLimits.minDurationMs / 1000}–${durationLimits.maxDurationMs / 1000} s.`,
        key: messageKey("limits.durationOutOfRange"),
        values: {
          type: facts.type,
          seconds: formatNumber(durationMs / 1000, 3),
          min: String(durationLimits.minDurationMs / 1000),
          max: String(durationLimits.maxDurationMs / 1000),
        },
      });
    }
  } else if (options.complete) {
    violations.push({
      code: "UNKNOWN_DURATION",
      message: `The ${noun}'s length could not be read.`,
      key: messageKey("limits.unknownDuration"),
      values: { type: facts.type },
    });
  }

  if (facts.type === "VIDEO") {
    if (fps != null) {
      if (fps < videoLimits.minFps || fps > videoLimits.maxFps) {
        violations.push({
          code: "FPS_OUT_OF_RANGE",
          message: `The video runs at ${formatNumber(fps, 3)} frames per second; it must be ${videoLimits.minFps}–${videoLimits.maxFps} fps.`,
          key: messageKey("limits.fpsOutOfRange"),
          values: { fps: formatNumber(fps, 3), min: String(videoLimits.minFps), max: String(videoLimits.maxFps) },
        });
      }
    } else if (options.complete) {
      violations.push({ code: "UNKNOWN_FPS", message: "The video's frame rate could not be read.", key: messageKey("limits.unknownFps") });
    }

    if (hasDimensions) {
      const shortSide = Math.min(width, height);
      if (!(videoLimits.shortSidePx as readonly number[]).includes(shortSide)) {
        violations.push({
          code: "VIDEO_RESOLUTION_NOT_ACCEPTED",
          message: `The video is ${width}×${height} px; it must be 480p or 720p, that is, its shorter side must be ${listWords(videoLimits.shortSidePx.map(String))} px.`,
          key: messageKey("limits.videoResolutionNotAccepted"),
          values: { width: String(width), height: String(height) },
        });
      }
      if (Math.max(width, height) > videoLimits.maxSidePx) {
        violations.push({
          code: "VIDEO_SIDE_TOO_LONG",
          message: `The video is ${width}×${height} px; its longer side may be at most ${videoLimits.maxSidePx} px.`,
          key: messageKey("limits.videoSideTooLong"),
          values: { width: String(width), height: String(height), max: String(videoLimits.maxSidePx) },
        });
      }
    } else if (options.complete) {
      violations.push({
        code: "UNKNOWN_DIMENSIONS",
        message: "The video's width and height could not be read.",
        key: messageKey("limits.unknownDimensions"),
        values: { type: facts.type },
      });
    }
  }

  return violations;
}

function sizeLimit(type: AssetType): { bytes: number; exclusive: boolean } {
  if (type === "IMAGE") return { bytes: imageLimits.maxBytesExclusive, exclusive: true };
  if (type === "VIDEO") return { bytes: videoLimits.maxBytes, exclusive: false };
  return { bytes: audioLimits.maxBytes, exclusive: false };
}
