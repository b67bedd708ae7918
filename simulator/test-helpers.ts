import { mkdtemp, readFile, rm } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { runFfmpeg } from "./ffmpeg";
import { DEFAULT_API_KEY, startSimulator, type RunningSimulator, type SimulatorOptions } from "./server";

/** Helpers shared by the simulator's tests: fixture media, a file server and an API client. */

export const KEY = DEFAULT_API_KEY;
export const OTHER_KEY = "sk-sim-other";

export async function makePng(width: number, height: number, color = "#3b82f6"): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: color } }).png().toBuffer();
}

/** A mono 16-bit PCM WAV of a sine tone. */
export function makeWav(seconds: number, sampleRate = 8000): Buffer {
  const samples = Math.round(seconds * sampleRate);
  const data = Buffer.alloc(samples * 2);
  for (let i = 0; i < samples; i++) data.writeInt16LE(Math.round(Math.sin((i / sampleRate) * 2 * Math.PI * 440) * 8000), i * 2);
  const header = Buffer.alloc(44);
  header.write("RIFF", 0);
  header.writeUInt32LE(36 + data.length, 4);
  header.write("WAVE", 8);
  header.write("fmt ", 12);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(sampleRate, 24);
  header.writeUInt32LE(sampleRate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write("data", 36);
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

export async function makeMp4(seconds: number, width: number, height: number, fps: number): Promise<Buffer> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "seedance-sim-fixture-"));
  try {
    const file = path.join(dir, "clip.mp4");
    const run = await runFfmpeg([
      "-y",
      "-f",
      "lavfi",
      "-i",
      `testsrc=size=${width}x${height}:rate=${fps}`,
      "-t",
      String(seconds),
      "-c:v",
      "libx264",
      "-preset",
      "ultrafast",
      "-pix_fmt",
      "yuv420p",
      file,
    ]);
    if (run.code !== 0) throw new Error(run.stderr);
    return await readFile(file);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export interface FixtureServer {
  url: string;
  files: Map<string, { body: Buffer; type: string }>;
  /** Paths that are not answered while listed here. */
  held: Set<string>;
  requests: string[];
  close(): Promise<void>;
}

/** Serves media from memory; `/hang/…` and held paths are never answered; other paths answer 404. */
export async function startFixtureServer(): Promise<FixtureServer> {
  const files = new Map<string, { body: Buffer; type: string }>();
  const requests: string[] = [];
  const held = new Set<string>();
  const server = createServer((req, res) => {
    const pathname = new URL(req.url ?? "/", "http://fixture").pathname;
    requests.push(pathname);
    if (pathname.startsWith("/hang/") || held.has(pathname)) return;
    const file = files.get(pathname);
    if (!file) {
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("not found");
      return;
    }
    res.writeHead(200, { "content-type": file.type, "content-length": String(file.body.length) });
    res.end(file.body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    files,
    held,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

export interface ApiAnswer {
  status: number;
  headers: Headers;
  text: string;
  json: any;
}

export async function call(
  base: string,
  method: string,
  pathname: string,
  options: { key?: string | null; body?: unknown; headers?: Record<string, string>; signal?: AbortSignal } = {},
): Promise<ApiAnswer> {
  const headers: Record<string, string> = { ...options.headers };
  const key = options.key === undefined ? KEY : options.key;
  if (key !== null) headers.authorization = `Bearer ${key}`;
  if (options.body !== undefined) headers["content-type"] = "application/json";
  const response = await fetch(`${base}${pathname}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : typeof options.body === "string" ? options.body : JSON.stringify(options.body),
    signal: options.signal ?? AbortSignal.timeout(20_000),
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

export async function waitForTask(
  base: string,
  taskId: string,
  options: { key?: string; until?: (data: { status: string }) => boolean; timeoutMs?: number; language?: string } = {},
): Promise<Record<string, any>> {
  const until = options.until ?? ((data) => ["completed", "failed"].includes(data.status));
  const deadline = Date.now() + (options.timeoutMs ?? 20_000);
  const query = options.language ? `?language=${options.language}` : "";
  for (;;) {
    const answer = await call(base, "GET", `/v1/tasks/${taskId}${query}`, { key: options.key });
    if (answer.status !== 200) throw new Error(`task lookup answered ${answer.status}: ${answer.text}`);
    if (until(answer.json.data)) return answer.json.data;
    if (Date.now() > deadline) throw new Error(`task ${taskId} is still ${answer.json.data.status}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Starts simulators that are all closed by `closeAll`. */
export function simulatorPool() {
  const running: RunningSimulator[] = [];
  return {
    async start(options: SimulatorOptions = {}): Promise<RunningSimulator> {
      const sim = await startSimulator({ port: 0, apiKeys: [KEY, OTHER_KEY], reviewMs: 100, videoMs: 300, ...options });
      running.push(sim);
      return sim;
    },
    async closeAll(): Promise<void> {
      await Promise.all(running.splice(0).map((sim) => sim.close()));
    },
  };
}
