import { z } from "zod";
import type { AssetType } from "@/lib/generated/prisma/enums";
import { formatLabels, typePlural } from "@/lib/media/describe-media";
import { audioLimits, imageLimits, videoLimits } from "@/lib/media/limits";

/** Why an asset failed review, in groups a person can act on. Browser-safe. */
export const failureCategories = ["privacy", "sensitive", "download", "limits", "trademark", "incomplete", "other"] as const;
// The schemas are functions, so that the browser bundles that explain failures leave the
// validation library out (they need the types and the words only).
export const failureCategorySchema = () => z.enum(failureCategories);
export type FailureCategory = z.infer<ReturnType<typeof failureCategorySchema>>;

export const failureExplanationSchema = () =>
  z.object({
  category: failureCategorySchema(),
  /** A short heading: "Looks like a real person". */
  title: z.string(),
  /** What happened, in plain words. */
  explanation: z.string(),
  /** What to do about it. */
  advice: z.string(),
  /** The action most likely to fix it. */
  suggestedAction: z.enum(["replace", "resubmit"]),
  });
export type FailureExplanation = z.infer<ReturnType<typeof failureExplanationSchema>>;

export const failureCategoryTitles: Record<FailureCategory, string> = {
  privacy: "Looks like a real person",
  sensitive: "Sensitive content",
  download: "The provider could not download the file",
  limits: "Outside the file limits",
  trademark: "Trademark or copyrighted material",
  incomplete: "The review did not finish",
  other: "Other reasons",
};

/** Provider codes that say the file itself broke a documented limit. */
const LIMIT_CODE =
  /^InvalidParameter\.(?:\w*FileTooLarge|\w*SizeOutOfRange|\w*AspectRatioOutOfRange|\w*DurationOutOfRange|\w*FrameRateOutOfRange|\w*ResolutionOutOfRange|UnsupportedFormat|AssetTypeMismatch|FileDecodeFailed|\w*TooSmall|\w*TooLong|\w*TooShort)$/i;
const LIMIT_WORDS = /too large|too big|too small|too long|too short|out of range|exceeds?|resolution|aspect ratio|frame rate|duration|unsupported format|not supported|could not be (read|decoded)/i;
const OUR_INCOMPLETE_CODES = new Set(["MissingFromResult", "TaskFailed", "TaskCancelled", "TaskExpired"]);

function limitsSummary(type: AssetType | undefined): string {
  switch (type) {
    case "IMAGE":
      return `Images must be ${formatLabels("IMAGE")}, ${imageLimits.minSidePx}–${imageLimits.maxSidePx} px on each side, with a width-to-height ratio of ${imageLimits.minAspectRatio}–${imageLimits.maxAspectRatio}, and under ${imageLimits.maxBytesExclusive / 1_000_000} MB.`;
    case "VIDEO":
      return `Videos must be ${formatLabels("VIDEO")}, ${videoLimits.minDurationMs / 1000}–${videoLimits.maxDurationMs / 1000} s long, ${videoLimits.minFps}–${videoLimits.maxFps} fps, 480p or 720p, and ${videoLimits.maxBytes / 1_000_000} MB or less.`;
    case "AUDIO":
      return `Audio files must be ${formatLabels("AUDIO")}, ${audioLimits.minDurationMs / 1000}–${audioLimits.maxDurationMs / 1000} s long, and ${audioLimits.maxBytes / 1_000_000} MB or less.`;
    default:
      return "Check the file against the limits shown on the Upload page.";
  }
}

/**
 * Turns a review failure (the provider's code and reason, as stored on the asset) into
 * plain words and advice. Unknown codes fall into "other" with the provider's reason.
 */
export function explainFailure(input: { code?: string | null; reason?: string | null; type?: AssetType }): FailureExplanation {
  const code = input.code?.trim() ?? "";
  const reason = input.reason?.trim() ?? "";
  const text = `${code} ${reason}`;
  const noun = input.type ? typePlural(input.type).replace(/s$/, "") : "file";
  const what = input.type === "AUDIO" ? "audio file" : noun;

  if (/SensitiveContentDetected\.PrivacyInformation/i.test(text) || /real person/i.test(reason)) {
    const voice = input.type === "AUDIO" || /InputAudio/i.test(code);
    return {
      category: "privacy",
      title: failureCategoryTitles.privacy,
      explanation: voice
        ? "The provider thinks this audio contains a real person's voice. Virtual avatars may not use real people's likeness or voice."
        : `The provider thinks this ${what} shows a real person. Virtual avatars may not use a real person's likeness.`,
      advice: voice
        ? "Replace it with a synthetic or licensed voice that does not imitate a real person."
        : `Replace it with an illustrated, rendered or generated ${what} that does not resemble a real person. Resubmitting the same file will fail again.`,
      suggestedAction: "replace",
    };
  }
  if (/SensitiveContentDetected/i.test(text)) {
    return {
      category: "sensitive",
      title: failureCategoryTitles.sensitive,
      explanation: `The provider's content review flagged this ${what} as sensitive (for example violent, adult or political content).`,
      advice: `Replace it with a ${what} without the flagged content. Resubmitting the same file will fail again.`,
      suggestedAction: "replace",
    };
  }
  if (/DownloadFailed/i.test(text) || /could not (be )?download|failed to download|download (error|failed)/i.test(reason)) {
    return {
      category: "download",
      title: failureCategoryTitles.download,
      explanation: "The provider could not fetch the file from Avatar Studio when it tried to review it. This is usually a passing network problem.",
      advice: "Resubmit it as it is. If it fails again, check that the file still opens here, or replace it.",
      suggestedAction: "resubmit",
    };
  }
  if (LIMIT_CODE.test(code) || (code.startsWith("InvalidParameter") && LIMIT_WORDS.test(reason)) || (!code && LIMIT_WORDS.test(reason))) {
    return {
      category: "limits",
      title: failureCategoryTitles.limits,
      explanation: `The ${what} breaks one of the provider's file limits.`,
      advice: `Replace it with a file within the limits. ${limitsSummary(input.type)}`,
      suggestedAction: "replace",
    };
  }
  if (/trademark|copyright|intellectual ?property|brand|logo/i.test(text)) {
    return {
      category: "trademark",
      title: failureCategoryTitles.trademark,
      explanation: `The provider found a trademark, logo or copyrighted material in this ${what}.`,
      advice: `Replace it with a ${what} without logos, brands or others' copyrighted work.`,
      suggestedAction: "replace",
    };
  }
  if (OUR_INCOMPLETE_CODES.has(code)) {
    return {
      category: "incomplete",
      title: failureCategoryTitles.incomplete,
      explanation:
        code === "TaskExpired"
          ? "The provider no longer knows this review: it was not finished within the 7 days it keeps tasks."
          : code === "TaskCancelled"
            ? "The review was cancelled before it gave a verdict on this asset."
            : "The review ended without a verdict on this asset.",
      advice: "Resubmit it as it is; nothing was found wrong with the file itself.",
      suggestedAction: "resubmit",
    };
  }
  return {
    category: "other",
    title: failureCategoryTitles.other,
    explanation: reason ? `The provider gave this reason: “${reason}”` : "The provider did not say why.",
    advice: "Read the reason, then replace the file or resubmit it as it is.",
    suggestedAction: "replace",
  };
}
