import type { AssetType } from "@/lib/generated/prisma/enums";
import { messageKey } from "@/lib/i18n/message-key";
import { type Sentence, sentence } from "@/lib/i18n/sentence";
import { formatLabels } from "@/lib/media/describe-media";
import { audioLimits, imageLimits, videoLimits } from "@/lib/media/limits";
import { type FailureCategory, failureCategoryTitles } from "@/lib/assets/failure-categories";

export type FailureExplanation = {
  category: FailureCategory;
  /** A short heading: "Looks like a real person". */
  title: Sentence;
  /** What happened, in plain words. */
  explanation: Sentence;
  /** What to do about it. */
  advice: Sentence;
  /** The action most likely to fix it. */
  suggestedAction: "replace" | "resubmit";
};

/** Provider codes that say the file itself broke a documented limit. */
const LIMIT_CODE =
  /^InvalidParameter\.(?:\w*FileTooLarge|\w*SizeOutOfRange|\w*AspectRatioOutOfRange|\w*DurationOutOfRange|\w*FrameRateOutOfRange|\w*ResolutionOutOfRange|UnsupportedFormat|AssetTypeMismatch|FileDecodeFailed|\w*TooSmall|\w*TooLong|\w*TooShort)$/i;
const LIMIT_WORDS = /too large|too big|too small|too long|too short|out of range|exceeds?|resolution|aspect ratio|frame rate|duration|unsupported format|not supported|could not be (read|decoded)/i;
const OUR_INCOMPLETE_CODES = new Set(["MissingFromResult", "TaskFailed", "TaskCancelled", "TaskExpired"]);

/** What to do about a file outside the limits, with the limits of its type. */
function limitsAdvice(type: AssetType | undefined): Sentence {
  switch (type) {
    case "IMAGE":
      return sentence(messageKey("failures.limitsAdviceImage"), {
        formats: formatLabels("IMAGE"),
        minSide: imageLimits.minSidePx,
        maxSide: imageLimits.maxSidePx,
        minRatio: imageLimits.minAspectRatio,
        maxRatio: imageLimits.maxAspectRatio,
        maxMb: imageLimits.maxBytesExclusive / 1_000_000,
      });
    case "VIDEO":
      return sentence(messageKey("failures.limitsAdviceVideo"), {
        formats: formatLabels("VIDEO"),
        minSeconds: videoLimits.minDurationMs / 1000,
        maxSeconds: videoLimits.maxDurationMs / 1000,
        minFps: videoLimits.minFps,
        maxFps: videoLimits.maxFps,
        maxMb: videoLimits.maxBytes / 1_000_000,
      });
    case "AUDIO":
      return sentence(messageKey("failures.limitsAdviceAudio"), {
        formats: formatLabels("AUDIO"),
        minSeconds: audioLimits.minDurationMs / 1000,
        maxSeconds: audioLimits.maxDurationMs / 1000,
        maxMb: audioLimits.maxBytes / 1_000_000,
      });
    default:
      return sentence(messageKey("failures.limitsAdviceOther"));
  }
}

/**
 * Turns a review failure (the provider's code and reason, as stored on the asset) into
 * sentences of the `failures` catalogue, put into words where they are shown (`useSentence`).
 * Unknown codes fall into "other" with the provider's reason as received.
 */
export function explainFailure(input: { code?: string | null; reason?: string | null; type?: AssetType }): FailureExplanation {
  const code = input.code?.trim() ?? "";
  const reason = input.reason?.trim() ?? "";
  const text = `${code} ${reason}`;
  /** Which noun the sentences use: "image", "video", "audio" (an audio file) or "file". */
  const what = input.type ? input.type.toLowerCase() : "file";

  if (/SensitiveContentDetected\.PrivacyInformation/i.test(text) || /real person/i.test(reason)) {
    const voice = input.type === "AUDIO" || /InputAudio/i.test(code);
    return {
      category: "privacy",
      title: sentence(failureCategoryTitles.privacy),
      explanation: voice ? sentence(messageKey("failures.privacyVoiceExplanation")) : sentence(messageKey("failures.privacyExplanation"), { what }),
      advice: voice ? sentence(messageKey("failures.privacyVoiceAdvice")) : sentence(messageKey("failures.privacyAdvice"), { what }),
      suggestedAction: "replace",
    };
  }
  if (/SensitiveContentDetected/i.test(text)) {
    return {
      category: "sensitive",
      title: sentence(failureCategoryTitles.sensitive),
      explanation: sentence(messageKey("failures.sensitiveExplanation"), { what }),
      advice: sentence(messageKey("failures.sensitiveAdvice"), { what }),
      suggestedAction: "replace",
    };
  }
  if (/DownloadFailed/i.test(text) || /could not (be )?download|failed to download|download (error|failed)/i.test(reason)) {
    return {
      category: "download",
      title: sentence(failureCategoryTitles.download),
      explanation: sentence(messageKey("failures.downloadExplanation")),
      advice: sentence(messageKey("failures.downloadAdvice")),
      suggestedAction: "resubmit",
    };
  }
  if (LIMIT_CODE.test(code) || (code.startsWith("InvalidParameter") && LIMIT_WORDS.test(reason)) || (!code && LIMIT_WORDS.test(reason))) {
    return {
      category: "limits",
      title: sentence(failureCategoryTitles.limits),
      explanation: sentence(messageKey("failures.limitsExplanation"), { what }),
      advice: limitsAdvice(input.type),
      suggestedAction: "replace",
    };
  }
  if (/trademark|copyright|intellectual ?property|brand|logo/i.test(text)) {
    return {
      category: "trademark",
      title: sentence(failureCategoryTitles.trademark),
      explanation: sentence(messageKey("failures.trademarkExplanation"), { what }),
      advice: sentence(messageKey("failures.trademarkAdvice"), { what }),
      suggestedAction: "replace",
    };
  }
  if (OUR_INCOMPLETE_CODES.has(code)) {
    return {
      category: "incomplete",
      title: sentence(failureCategoryTitles.incomplete),
      explanation:
        code === "TaskExpired"
          ? sentence(messageKey("failures.incompleteExpired"))
          : code === "TaskCancelled"
            ? sentence(messageKey("failures.incompleteCancelled"))
            : sentence(messageKey("failures.incompleteNoVerdict")),
      advice: sentence(messageKey("failures.incompleteAdvice")),
      suggestedAction: "resubmit",
    };
  }
  return {
    category: "other",
    title: sentence(failureCategoryTitles.other),
    explanation: reason ? sentence(messageKey("failures.otherReason"), { reason }) : sentence(messageKey("failures.otherNoReason")),
    advice: sentence(messageKey("failures.otherAdvice")),
    suggestedAction: "replace",
  };
}
