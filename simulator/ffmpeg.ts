import { spawn } from "node:child_process";
import ffmpegInstaller from "@ffmpeg-installer/ffmpeg";

/** The static ffmpeg binary shipped inside the @ffmpeg-installer npm package. */
export const ffmpegPath: string = ffmpegInstaller.path;

export interface FfmpegRun {
  code: number | null;
  stderr: string;
}

export function runFfmpeg(args: string[], options: { timeoutMs?: number; signal?: AbortSignal } = {}): Promise<FfmpegRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(ffmpegPath, ["-hide_banner", "-nostdin", ...args], {
      stdio: ["ignore", "ignore", "pipe"],
      signal: options.signal,
      timeout: options.timeoutMs ?? 60_000,
      killSignal: "SIGKILL",
    });
    let stderr = "";
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (text: string) => {
      if (stderr.length < 200_000) stderr += text;
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stderr }));
  });
}

export interface MediaProbe {
  container?: string;
  durationSeconds?: number;
  video?: { codec: string; width: number; height: number; fps?: number };
  audio?: { codec: string };
}

/** Reads what `ffmpeg -i file` prints about a file's container and streams. */
export function parseFfmpegInfo(stderr: string): MediaProbe {
  const probe: MediaProbe = {};
  const input = /Input #0, ([^,]+(?:,[^,]+)*?), from/.exec(stderr);
  if (input) probe.container = input[1];
  const duration = /Duration: (\d+):(\d{2}):(\d{2}(?:\.\d+)?)/.exec(stderr);
  if (duration) {
    probe.durationSeconds = Number(duration[1]) * 3600 + Number(duration[2]) * 60 + Number(duration[3]);
  }
  for (const line of stderr.split("\n")) {
    if (!probe.video) {
      const video = /Stream #\d+:\d+.*?: Video: (\w+).*?, (\d{2,5})x(\d{2,5})/.exec(line);
      if (video) {
        const fps = /, ([\d.]+) fps/.exec(line) ?? /, ([\d.]+)k? tbr/.exec(line);
        probe.video = {
          codec: video[1]!,
          width: Number(video[2]),
          height: Number(video[3]),
          fps: fps ? Number(fps[1]) : undefined,
        };
      }
    }
    if (!probe.audio) {
      const audio = /Stream #\d+:\d+.*?: Audio: (\w+)/.exec(line);
      if (audio) probe.audio = { codec: audio[1]! };
    }
  }
  return probe;
}

/** Runs `ffmpeg -i file` (which exits 1 for want of an output) and parses what it says. */
export async function probeFile(file: string, signal?: AbortSignal): Promise<MediaProbe> {
  const run = await runFfmpeg(["-i", file], { timeoutMs: 30_000, signal });
  return parseFfmpegInfo(run.stderr);
}
