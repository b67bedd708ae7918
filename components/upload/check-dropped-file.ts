import { checkLimits, type MediaFacts } from "@/lib/media/check-limits";
import { formatLabelsIn } from "@/lib/media/describe-media";
import type { LimitViolation } from "@/lib/media/limit-violation";
import { type MediaFormat, mediaFormats } from "@/lib/media/limits";
import { claimedFormat } from "@/lib/media/media-format";

/** Formats every browser decodes: a file of one of these that will not load is not what it claims. */
const decodableImages: readonly MediaFormat[] = ["jpeg", "png", "webp", "bmp", "gif"];
const READ_TIMEOUT_MS = 15_000;

export type BrowserFacts = Pick<MediaFacts, "width" | "height" | "durationMs">;

/** Says a sentence of the `upload` catalogue in the user's language (a translator from `useTranslations("upload")`). */
export type CheckWords = (key: "check.formatNotAccepted" | "check.notRealImage", values: Record<string, string>) => string;

export type FileCheck = {
  format: MediaFormat | null;
  facts: BrowserFacts;
  violations: LimitViolation[];
};

/**
 * What the browser can tell about a dropped file before it is sent, checked against the
 * provider's limits: the format (from its type and name), its size, pixel size (images,
 * videos) and duration (videos, audio). Facts the browser cannot read are left to the
 * server, which checks every file again from its bytes.
 */
export async function checkDroppedFile(file: File, t: CheckWords, locale = "en"): Promise<FileCheck> {
  // translator t: upload
  const format = claimedFormat(file.name, file.type);
  if (!format) {
    return {
      format,
      facts: {},
      violations: [
        {
          code: "FORMAT_NOT_ACCEPTED",
          message: t("check.formatNotAccepted", {
            images: formatLabelsIn("IMAGE", locale),
            videos: formatLabelsIn("VIDEO", locale),
            audio: formatLabelsIn("AUDIO", locale),
          }),
        },
      ],
    };
  }
  const type = mediaFormats[format].type;
  const sizeOnly = checkLimits({ type, format, sizeBytes: file.size });
  if (sizeOnly.length > 0 || file.size === 0) return { format, facts: {}, violations: sizeOnly };

  const facts = await readFacts(file, type).catch(() => null);
  if (!facts) {
    if (type === "IMAGE" && decodableImages.includes(format)) {
      return {
        format,
        facts: {},
        violations: [
          {
            code: "NOT_REAL_MEDIA",
            message: t("check.notRealImage", { format: mediaFormats[format].label }),
          },
        ],
      };
    }
    return { format, facts: {}, violations: [] };
  }
  return { format, facts, violations: checkLimits({ type, format, sizeBytes: file.size, ...facts }) };
}

function readFacts(file: File, type: MediaFacts["type"]): Promise<BrowserFacts> {
  const url = URL.createObjectURL(file);
  const done = <T,>(value: T) => {
    URL.revokeObjectURL(url);
    return value;
  };
  const fail = (error: unknown) => {
    URL.revokeObjectURL(url);
    throw error;
  };
  const read = type === "IMAGE" ? readImage(url) : readMedia(url, type === "VIDEO" ? "video" : "audio");
  return withTimeout(read, READ_TIMEOUT_MS).then(done, fail);
}

function readImage(url: string): Promise<BrowserFacts> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => {
      if (!img.naturalWidth || !img.naturalHeight) reject(new Error("no size"));
      else resolve({ width: img.naturalWidth, height: img.naturalHeight });
    };
    img.onerror = () => reject(new Error("not an image"));
    img.src = url;
  });
}

function readMedia(url: string, tag: "video" | "audio"): Promise<BrowserFacts> {
  return new Promise((resolve, reject) => {
    const el = document.createElement(tag);
    el.preload = "metadata";
    el.muted = true;
    el.onloadedmetadata = () => {
      const durationMs = Number.isFinite(el.duration) ? Math.round(el.duration * 1000) : null;
      const facts: BrowserFacts = { durationMs };
      if (el instanceof HTMLVideoElement && el.videoWidth && el.videoHeight) {
        facts.width = el.videoWidth;
        facts.height = el.videoHeight;
      }
      el.removeAttribute("src");
      el.load();
      resolve(facts);
    };
    el.onerror = () => reject(new Error(`not ${tag}`));
    el.src = url;
  });
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("timed out")), ms);
    promise.then(
      (v) => (clearTimeout(timer), resolve(v)),
      (e) => (clearTimeout(timer), reject(e)),
    );
  });
}
