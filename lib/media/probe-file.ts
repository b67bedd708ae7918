import { fileTypeFromFile } from "file-type";
import { parseFile } from "music-metadata";
import sharp from "sharp";
import type { AssetType } from "@/lib/generated/prisma/enums";
import { capitalise, formatLabels, typePlural } from "@/lib/media/describe-media";
import { messageKey } from "@/lib/i18n/message-key";
import type { LimitViolation } from "@/lib/media/limit-violation";
import { assetTypeNouns, mediaFormats, type MediaFormat } from "@/lib/media/limits";
import { readFileEnds, type FileEndsOf } from "@/lib/media/file-ends";
import { findHiddenContent } from "@/lib/media/find-hidden-content";
import { formatForMime } from "@/lib/media/media-format";
import { parseFfmpegInfo } from "@/lib/media/parse-ffmpeg-info";
import { readHeifSize } from "@/lib/media/read-heif-size";
import { ffmpegFileInput, runFfmpeg } from "@/lib/media/run-ffmpeg";

/** What the bytes of a file turned out to be. Dimensions are as displayed (after rotation). */
export type ProbedMedia = {
  type: AssetType;
  format: MediaFormat;
  /** the format's own MIME type, whatever the sender claimed */
  mimeType: string;
  /** the format's usual extension, without the dot */
  extension: string;
  sizeBytes: number;
  width: number | null;
  height: number | null;
  durationMs: number | null;
  fps: number | null;
};

export type ProbeOutcome = { ok: true; media: ProbedMedia } | { ok: false; violation: LimitViolation };

/**
 * Reads a local file to learn what it really is, by its bytes and never by its name:
 * the format by its signature, then pixels (images), duration (audio, video), frame rate
 * and picture size (video). A file whose bytes are not an accepted format, or that cannot
 * be read, is refused with a reason; limits are checked afterwards with `checkLimits`.
 *
 * `claimedType` (from the sender's MIME type or file name) only words the reason, as in
 * "not a real image". `ends`: the file's size and ends when the caller has them (a staged
 * upload), else they are read here.
 */
export async function probeFile(filePath: string, options: { claimedType?: AssetType | null; ends?: FileEndsOf } = {}): Promise<ProbeOutcome> {
  const ends = options.ends ?? (await readFileEnds(filePath));
  const { sizeBytes } = ends;
  if (sizeBytes === 0) return refuse("EMPTY_FILE", "The file is empty.", messageKey("limits.emptyFile"));

  const detected = await fileTypeFromFile(filePath);
  const format = formatForMime(detected?.mime);
  if (!format) return refuseUnknown(detected, options.claimedType ?? null);

  // Bytes of another kind than the name or type says (a PNG named voice.wav): refused, since
  // the user meant another file. Within one kind (a JPEG named .png) the bytes win quietly.
  const claimed = options.claimedType ?? null;
  if (claimed && mediaFormats[format].type !== claimed) {
    const label = mediaFormats[format].label;
    return refuse(
      "NOT_REAL_MEDIA",
      `The file is not a real ${assetTypeNouns[claimed]}: its contents are ${article(label)} ${label} ${assetTypeNouns[mediaFormats[format].type]}.`,
      article(label) === "an" ? messageKey("limits.notRealMediaAn") : messageKey("limits.notRealMediaA"),
      { claimed, format: label, type: mediaFormats[format].type },
    );
  }

  const hidden = findHiddenContent(ends, format);
  if (hidden) return refuse("HIDDEN_CONTENT", hidden.message, hidden.key, hidden.values);

  const { type, mimeType, extensions } = mediaFormats[format];
  const media: ProbedMedia = {
    type,
    format,
    mimeType,
    extension: extensions[0],
    sizeBytes,
    width: null,
    height: null,
    durationMs: null,
    fps: null,
  };
  if (type === "IMAGE") return probeImage(filePath, media);
  if (type === "VIDEO") return probeVideo(filePath, media);
  return probeAudio(filePath, media);
}

async function probeImage(filePath: string, media: ProbedMedia): Promise<ProbeOutcome> {
  const heif = media.format === "heic" || media.format === "heif";
  // Only the header is read here (no pixel is decoded), so the pixel cap that guards decoding
  // is lifted: a 20000 × 20000 bomb then gets its exact size in the refusal, not "damaged".
  const size = await sharp(filePath, { limitInputPixels: false })
    .metadata()
    .then((meta) => (meta.autoOrient.width > 0 && meta.autoOrient.height > 0 ? meta.autoOrient : null))
    .catch(() => null);
  // HEIC pictures are HEVC-coded, which the bundled image library cannot decode: their size
  // is read from the container instead.
  const found = size ?? (heif ? await readHeifSize(filePath).catch(() => null) : null);
  if (!found) {
    return refuse("DAMAGED_FILE", `The ${mediaFormats[media.format].label} image could not be read; it may be damaged.`, messageKey("limits.damaged"), {
      format: mediaFormats[media.format].label,
      type: "IMAGE",
    });
  }
  return { ok: true, media: { ...media, width: found.width, height: found.height } };
}

async function probeVideo(filePath: string, media: ProbedMedia): Promise<ProbeOutcome> {
  const { stderr } = await runFfmpeg(["-i", ffmpegFileInput(filePath)], { timeoutMs: 20_000, maxStdoutBytes: 0 });
  const info = parseFfmpegInfo(stderr);
  if (!info.container) {
    return refuse("DAMAGED_FILE", `The ${mediaFormats[media.format].label} video could not be read; it may be damaged.`, messageKey("limits.damaged"), {
      format: mediaFormats[media.format].label,
      type: "VIDEO",
    });
  }
  if (!info.video) return refuse("NO_VIDEO_STREAM", "The file has no video picture in it, only sound or data.", messageKey("limits.noVideoStream"));
  return {
    ok: true,
    media: {
      ...media,
      width: info.video.width,
      height: info.video.height,
      fps: info.video.fps,
      durationMs: info.durationMs,
    },
  };
}

async function probeAudio(filePath: string, media: ProbedMedia): Promise<ProbeOutcome> {
  try {
    const meta = await parseFile(filePath, { duration: true, skipCovers: true });
    const seconds = meta.format.duration;
    const durationMs = seconds !== undefined && Number.isFinite(seconds) && seconds > 0 ? Math.round(seconds * 1000) : null;
    return { ok: true, media: { ...media, durationMs } };
  } catch {
    return refuse("DAMAGED_FILE", `The ${mediaFormats[media.format].label} audio could not be read; it may be damaged.`, messageKey("limits.damaged"), {
      format: mediaFormats[media.format].label,
      type: "AUDIO",
    });
  }
}

function refuseUnknown(detected: { ext: string; mime: string } | undefined, claimedType: AssetType | null): ProbeOutcome {
  const claimedNoun = claimedType ? assetTypeNouns[claimedType] : null;
  if (!detected) {
    const what = claimedNoun ?? "image, video or audio file";
    const expected = claimedType ? ` (${formatLabels(claimedType)})` : "";
    return refuse(
      "NOT_REAL_MEDIA",
      `The file is not a real ${what}: its contents are not in any accepted format${expected}.`,
      messageKey("limits.notRealMediaUnknown"),
      { claimed: claimedType ?? "NONE" },
    );
  }
  const family = detected.mime.split("/")[0];
  const detectedType: AssetType | null =
    family === "image" ? "IMAGE" : family === "video" ? "VIDEO" : family === "audio" ? "AUDIO" : null;
  const label = detected.ext.toUpperCase();
  if (claimedType && detectedType !== claimedType) {
    return refuse(
      "NOT_REAL_MEDIA",
      `The file is not a real ${claimedNoun}: its contents are ${article(label)} ${label} file.`,
      article(label) === "an" ? messageKey("limits.notRealMediaFileAn") : messageKey("limits.notRealMediaFileA"),
      { claimed: claimedType, format: label },
    );
  }
  const type = detectedType ?? claimedType;
  const accepted = type
    ? `${capitalise(typePlural(type))} must be ${formatLabels(type)}.`
    : `Accepted are images (${formatLabels("IMAGE")}), videos (${formatLabels("VIDEO")}) and audio (${formatLabels("AUDIO")}).`;
  return refuse("FORMAT_NOT_ACCEPTED", `${label} files are not accepted. ${accepted}`, messageKey("limits.filesNotAccepted"), {
    format: label,
    type: type ?? "NONE",
  });
}

function refuse(code: LimitViolation["code"], message: string, key: string, values?: Record<string, string>): ProbeOutcome {
  return { ok: false, violation: values ? { code, message, key, values } : { code, message, key } };
}

function article(label: string): string {
  return /^[AEFHILMNORSX]/.test(label) ? "an" : "a";
}
