/** What `ffmpeg -i file` says about a media file's first video stream and its length. */
export type FfmpegInfo = {
  /** null when ffmpeg could not open the file as media */
  container: string | null;
  durationMs: number | null;
  video: {
    codec: string;
    /** as displayed: swapped when the stream is rotated a quarter turn */
    width: number;
    height: number;
    fps: number | null;
    rotation: number;
  } | null;
  hasAudio: boolean;
};

/** Reads ffmpeg's description of its input (the stderr of `ffmpeg -hide_banner -i file`). */
export function parseFfmpegInfo(stderr: string): FfmpegInfo {
  const lines = stderr.split(/\r?\n/);
  const input = /^Input #0, ([^ ]+), from /.exec(lines.find((line) => line.startsWith("Input #0")) ?? "");
  const container = input?.[1]?.replace(/,$/, "") ?? null;

  const duration = /Duration: (\d+):(\d{2}):(\d{2}(?:\.\d+)?)/.exec(stderr);
  const durationMs = duration
    ? Math.round((Number(duration[1]) * 3600 + Number(duration[2]) * 60 + Number(duration[3])) * 1000)
    : null;

  let video: FfmpegInfo["video"] = null;
  let hasAudio = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    const stream = /^\s*Stream #0:\d+.*?: (Video|Audio): (.*)$/.exec(line);
    if (!stream) continue;
    const [, kind, rest = ""] = stream;
    if (kind === "Audio") {
      hasAudio = true;
      continue;
    }
    if (video || /\(attached pic\)/.test(rest)) continue;
    const size = /(?:^|[ ,])([1-9]\d{0,4})x([1-9]\d{0,4})(?=[ ,\]]|$)/.exec(rest);
    if (!size) continue;
    const rate = /([\d.]+)(k?) fps/.exec(rest) ?? /([\d.]+)(k?) tbr/.exec(rest);
    const fps = rate ? Number(rate[1]) * (rate[2] === "k" ? 1000 : 1) : null;
    const rotation = streamRotation(lines, i + 1);
    const quarter = Math.abs(rotation) % 180 === 90;
    const width = Number(size[1]);
    const height = Number(size[2]);
    video = {
      codec: rest.split(/[ ,(]/)[0] ?? "",
      width: quarter ? height : width,
      height: quarter ? width : height,
      fps: fps !== null && Number.isFinite(fps) && fps > 0 ? fps : null,
      rotation,
    };
  }
  return { container, durationMs: durationMs !== null && durationMs > 0 ? durationMs : null, video, hasAudio };
}

/** The rotation in the lines that describe a stream, up to the next stream. */
function streamRotation(lines: string[], from: number): number {
  for (let i = from; i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (/^\s*Stream #/.test(line)) break;
    const tag = /^\s*rotate\s*:\s*(-?\d+)/.exec(line);
    if (tag) return Number(tag[1]);
    const matrix = /displaymatrix: rotation of (-?[\d.]+) degrees/.exec(line);
    if (matrix) return Math.round(Number(matrix[1]));
  }
  return 0;
}
