import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { BackgroundJobs } from "./background-jobs";
import type { SimContext, VideoCodec } from "./context";
import { download } from "./download";
import { runFfmpeg } from "./ffmpeg";
import { IMAGE_LIMITS } from "./limits";
import { moderatePrompt } from "./moderation";
import type { VideoOutput, VideoTaskRecord } from "./state";

const FRAME_RATE = 24;
const BACKGROUND = { r: 16, g: 20, b: 28, alpha: 1 };
const SHORT_SIDES: Record<string, number> = { "480p": 480, "720p": 720, "1080p": 1080 };

class GenerationRefused extends Error {
  constructor(readonly failure: { code: string; message: string }) {
    super(failure.message);
  }
}

function even(value: number): number {
  return Math.max(2, Math.round(value / 2) * 2);
}

/** The output frame for a size (aspect ratio) and resolution; `adaptive` follows the source image. */
export function frameSize(size: string, resolution: string, source?: { width: number; height: number }): { width: number; height: number } {
  const short = SHORT_SIDES[resolution] ?? 720;
  let ratio = 16 / 9;
  if (size === "adaptive") {
    if (source && source.width > 0 && source.height > 0) ratio = Math.min(21 / 9, Math.max(9 / 21, source.width / source.height));
  } else {
    const [w, h] = size.split(":").map(Number);
    if (w && h) ratio = w / h;
  }
  return ratio >= 1 ? { width: even(short * ratio), height: even(short) } : { width: even(short), height: even(short / ratio) };
}

function encoderArgs(codec: VideoCodec, withAudio: boolean): string[] {
  const video =
    codec === "vp9"
      ? ["-c:v", "libvpx-vp9", "-deadline", "realtime", "-cpu-used", "8", "-row-mt", "1", "-b:v", "1M"]
      : ["-c:v", "libx264", "-preset", "ultrafast", "-tune", "stillimage", "-crf", "28"];
  // This ffmpeg build still marks Opus in MP4 as experimental.
  const audio = withAudio
    ? codec === "vp9"
      ? ["-c:a", "libopus", "-b:a", "48k", "-strict", "-2"]
      : ["-c:a", "aac", "-b:a", "64k"]
    : ["-an"];
  return [...video, ...audio];
}

/**
 * Renders a generation: a short, real, playable MP4 showing the first image reference
 * (scaled and padded to the requested frame), a thumbnail and a last frame.
 */
export class VideoRenderer {
  private readonly jobs = new BackgroundJobs();

  constructor(private readonly ctx: SimContext) {}

  start(task: VideoTaskRecord): void {
    this.jobs.run(
      () => this.generate(task),
      (error) => this.ctx.log("error", "video rendering crashed", { task: task.id, error: String(error) }),
    );
  }

  resumePending(): void {
    for (const task of this.ctx.store.tasks.values()) {
      if (task.kind === "video" && task.renderDoneMs === undefined) this.start(task);
    }
  }

  idle(): Promise<void> {
    return this.jobs.idle();
  }

  stop(): Promise<void> {
    return this.jobs.stop();
  }

  private async generate(task: VideoTaskRecord): Promise<void> {
    const { store, clock, log } = this.ctx;
    try {
      const refusal = moderatePrompt(task.request.prompt);
      if (refusal) throw new GenerationRefused(refusal);
      const output = await this.render(task);
      if (this.jobs.stopped) return;
      task.output = output;
    } catch (error) {
      if (this.jobs.stopped) return;
      task.renderError =
        error instanceof GenerationRefused
          ? error.failure
          : { code: "InternalServiceError", message: `the video could not be rendered (${(error as Error).message})` };
      log("warn", "video generation failed", { task: task.id, error: task.renderError.message });
    }
    task.renderDoneMs = clock.nowMs();
    store.changed();
  }

  /** The first image reference's bytes: an approved asset's stored copy, or a download. */
  private async sourceImage(task: VideoTaskRecord): Promise<Buffer | undefined> {
    const reference = task.request.references.find((r) => r.kind === "image");
    if (!reference) return undefined;
    if (reference.url.toLowerCase().startsWith("asset://")) {
      const asset = this.ctx.store.assets.get(reference.url.slice("asset://".length).toLowerCase());
      const blob = asset?.verdict?.ok ? asset.verdict.blob : undefined;
      return blob ? this.ctx.blobs.get(blob) : undefined;
    }
    const fetched = await download(reference.url, {
      timeoutMs: this.ctx.settings.downloadTimeoutMs,
      maxBytes: IMAGE_LIMITS.maxBytesExclusive,
      signal: this.jobs.signal,
    });
    return fetched.ok && !fetched.tooLarge ? fetched.bytes : undefined;
  }

  private async frame(source: Buffer | undefined, size: string, resolution: string): Promise<{ png: Buffer; width: number; height: number }> {
    if (source) {
      try {
        const meta = await sharp(source).rotate().metadata();
        const rotated = (meta.orientation ?? 1) >= 5;
        const dims = { width: (rotated ? meta.height : meta.width) ?? 0, height: (rotated ? meta.width : meta.height) ?? 0 };
        const { width, height } = frameSize(size, resolution, dims);
        const png = await sharp(source)
          .rotate()
          .resize(width, height, { fit: "contain", background: BACKGROUND })
          .flatten({ background: BACKGROUND })
          .png()
          .toBuffer();
        return { png, width, height };
      } catch {
        // An unreadable source falls through to the placeholder frame.
      }
    }
    const { width, height } = frameSize(size, resolution);
    const radius = Math.round(Math.min(width, height) * 0.22);
    const svg =
      `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">` +
      `<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#1e293b"/><stop offset="1" stop-color="#4f46e5"/></linearGradient></defs>` +
      `<rect width="100%" height="100%" fill="url(#g)"/>` +
      `<circle cx="${width / 2}" cy="${height * 0.42}" r="${radius * 0.55}" fill="#e2e8f0"/>` +
      `<ellipse cx="${width / 2}" cy="${height * 0.42 + radius * 1.35}" rx="${radius}" ry="${radius * 0.6}" fill="#e2e8f0"/>` +
      `</svg>`;
    const png = await sharp(Buffer.from(svg)).png().toBuffer();
    return { png, width, height };
  }

  private async render(task: VideoTaskRecord): Promise<VideoOutput> {
    const { settings, blobs } = this.ctx;
    const request = task.request;
    const source = await this.sourceImage(task);
    const frame = await this.frame(source, request.size, request.resolution);
    const seconds = Math.max(1, Math.min(request.duration, settings.maxRenderSeconds));
    const dir = await mkdtemp(path.join(os.tmpdir(), "seedance-sim-render-"));
    try {
      const framePath = path.join(dir, "frame.png");
      const outPath = path.join(dir, "out.mp4");
      await sharp(frame.png).toFile(framePath);
      const inputs = ["-loop", "1", "-framerate", String(FRAME_RATE), "-i", framePath];
      if (request.generateAudio) inputs.push("-f", "lavfi", "-i", "anullsrc=channel_layout=mono:sample_rate=48000");
      const fade = Math.min(0.5, seconds / 4);
      const args = [
        "-y",
        ...inputs,
        "-t",
        String(seconds),
        "-r",
        String(FRAME_RATE),
        "-vf",
        `fade=t=in:st=0:d=${fade},format=yuv420p`,
        ...encoderArgs(settings.videoCodec, request.generateAudio),
        "-movflags",
        "+faststart",
        outPath,
      ];
      const run = await runFfmpeg(args, { timeoutMs: 120_000, signal: this.jobs.signal });
      if (run.code !== 0) throw new Error(`ffmpeg exited with ${run.code}: ${run.stderr.trim().split("\n").slice(-3).join(" ")}`);
      const mp4 = await readFile(outPath);
      const output: VideoOutput = {
        video: `videos/${task.id}.mp4`,
        thumbnail: `videos/${task.id}.jpg`,
        width: frame.width,
        height: frame.height,
        durationSeconds: seconds,
      };
      await blobs.put(output.video, mp4);
      await blobs.put(output.thumbnail, await sharp(frame.png).jpeg({ quality: 80 }).toBuffer());
      if (request.returnLastFrame) {
        output.lastFrame = `videos/${task.id}-last-frame.png`;
        await blobs.put(output.lastFrame, frame.png);
      }
      return output;
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
}
