import { spawn } from "node:child_process";
import ffmpegInstaller from "@ffmpeg-installer/ffmpeg";

export type FfmpegResult = { exitCode: number | null; stdout: Buffer; stderr: string };

const MAX_STDERR_CHARS = 64 * 1024;

/**
 * Runs the ffmpeg binary that ships with the app, without a shell. stdout is collected up to
 * `maxStdoutBytes` (beyond it the process is stopped and the call fails), stderr up to 64 KB. A non-zero exit is
 * not an error here: `ffmpeg -i file` with no output always exits 1 after describing the file.
 */
export function runFfmpeg(
  args: string[],
  options: { timeoutMs?: number; maxStdoutBytes?: number } = {},
): Promise<FfmpegResult> {
  const { timeoutMs = 30_000, maxStdoutBytes = 16 * 1024 * 1024 } = options;
  return new Promise((resolve, reject) => {
    const child = spawn(ffmpegInstaller.path, ["-hide_banner", "-nostdin", ...args], {
      stdio: ["ignore", "pipe", "pipe"],
      timeout: timeoutMs,
      killSignal: "SIGKILL",
    });
    const out: Buffer[] = [];
    let outBytes = 0;
    let stderr = "";
    let overflow = false;
    child.stdout.on("data", (chunk: Buffer) => {
      outBytes += chunk.length;
      if (outBytes > maxStdoutBytes) {
        overflow = true;
        child.kill("SIGKILL");
        return;
      }
      out.push(chunk);
    });
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (chunk: string) => {
      if (stderr.length < MAX_STDERR_CHARS) stderr += chunk;
    });
    child.on("error", reject);
    child.on("close", (exitCode, signal) => {
      if (overflow) {
        reject(new Error(`ffmpeg wrote more than ${maxStdoutBytes} bytes`));
        return;
      }
      if (signal === "SIGKILL") {
        reject(new Error(`ffmpeg took longer than ${timeoutMs} ms`));
        return;
      }
      resolve({ exitCode, stdout: Buffer.concat(out), stderr: stderr.slice(0, MAX_STDERR_CHARS) });
    });
  });
}

/** An input argument that ffmpeg reads as a plain local file, whatever the name looks like. */
export function ffmpegFileInput(filePath: string): string {
  return `file:${filePath}`;
}
