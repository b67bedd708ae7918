import { spawnSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { deflateSync } from "node:zlib";
import ffmpegInstaller from "@ffmpeg-installer/ffmpeg";
import { runFfmpeg } from "@/lib/media/run-ffmpeg";

/**
 * Media files made on the spot for unit, integration and browser tests: no binary fixtures in the
 * repository. Pure Node (no native image library), so the browser tests' runner can load it too.
 */

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

/**
 * A decompression bomb: a valid 1-bit greyscale PNG of `side` × `side` pixels, all black, whose
 * compressed data is tiny (20000 × 20000 is about 49 kB holding 400 megapixels).
 */
export function makeBombPng(side: number): Buffer {
  const row = 1 + Math.ceil(side / 8);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(side, 0);
  header.writeUInt32BE(side, 4);
  header[8] = 1; // bit depth
  header[9] = 0; // colour type: greyscale
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk("IHDR", header), chunk("IDAT", deflateSync(Buffer.alloc(row * side), { level: 9 })), chunk("IEND", Buffer.alloc(0))]);
}

/** An 8-bit RGB PNG: a diagonal gradient whose colours depend on `seed`, so every seed gives other bytes. */
export function makePng(width: number, height: number, seed = 0): Buffer {
  const row = 1 + width * 3;
  const raw = Buffer.alloc(row * height);
  for (let y = 0; y < height; y++) {
    raw[y * row] = 0; // filter: none
    for (let x = 0; x < width; x++) {
      const i = y * row + 1 + x * 3;
      raw[i] = (x + seed * 37) & 0xff;
      raw[i + 1] = (y + seed * 91) & 0xff;
      raw[i + 2] = ((x + y) / 2 + seed * 13) & 0xff;
    }
  }
  // The seed's own bytes in the first pixels, so that every seed (not only seed mod 256) makes
  // a different file: uploads are deduplicated by their bytes.
  if (width * height >= 2) raw.writeUInt32BE(seed >>> 0, 1);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // colour type: RGB
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk("IHDR", header), chunk("IDAT", deflateSync(raw)), chunk("IEND", Buffer.alloc(0))]);
}

/** A 16-bit mono PCM WAV with a sine tone of `frequency` Hz. */
export function makeWav(seconds: number, frequency = 440, sampleRate = 8000): Buffer {
  const samples = Math.round(seconds * sampleRate);
  const data = samples * 2;
  const wav = Buffer.alloc(44 + data);
  wav.write("RIFF", 0, "ascii");
  wav.writeUInt32LE(36 + data, 4);
  wav.write("WAVE", 8, "ascii");
  wav.write("fmt ", 12, "ascii");
  wav.writeUInt32LE(16, 16);
  wav.writeUInt16LE(1, 20);
  wav.writeUInt16LE(1, 22);
  wav.writeUInt32LE(sampleRate, 24);
  wav.writeUInt32LE(sampleRate * 2, 28);
  wav.writeUInt16LE(2, 32);
  wav.writeUInt16LE(16, 34);
  wav.write("data", 36, "ascii");
  wav.writeUInt32LE(data, 40);
  for (let i = 0; i < samples; i++) wav.writeInt16LE(Math.round(Math.sin((2 * Math.PI * frequency * i) / sampleRate) * 8000), 44 + i * 2);
  return wav;
}

/**
 * A valid 720p, 30 fps, 3 s H.264 MP4 grown to exactly `totalBytes` with a top-level `free`
 * box of random bytes at its end (players skip it), so a large file costs no encoding time.
 */
export function makePaddedMp4(totalBytes: number): Buffer {
  const dir = mkdtempSync(path.join(os.tmpdir(), "avatar-studio-e2e-video-"));
  try {
    const file = path.join(dir, "clip.mp4");
    const args = ["-hide_banner", "-nostdin", "-v", "error", "-f", "lavfi", "-i", "testsrc=size=1280x720:rate=30", "-t", "3"];
    args.push("-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-f", "mp4", "-y", file);
    const run = spawnSync(ffmpegInstaller.path, args, { encoding: "utf8", timeout: 60_000 });
    if (run.status !== 0) throw new Error(`ffmpeg failed: ${run.stderr}`);
    const clip = readFileSync(file);
    const padding = totalBytes - clip.length;
    if (padding < 8) throw new Error("the clip alone is larger than asked for");
    const free = Buffer.alloc(8);
    free.writeUInt32BE(padding, 0);
    free.write("free", 4, "latin1");
    return Buffer.concat([clip, free, randomBytes(padding - 8)]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const sha256 = (bytes: Buffer | Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** An H.264 test-pattern video (with a tone when `audio`) written to `filePath` by ffmpeg. */
export async function makeVideo(
  filePath: string,
  options: { width: number; height: number; fps: string; seconds: number; audio?: boolean; format?: "mp4" | "mov" },
): Promise<void> {
  const { width, height, fps, seconds, audio = false, format = "mp4" } = options;
  const args = ["-v", "error", "-f", "lavfi", "-i", `testsrc=size=${width}x${height}:rate=${fps}`];
  if (audio) args.push("-f", "lavfi", "-i", "sine=frequency=440");
  args.push("-t", String(seconds), "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p");
  if (audio) args.push("-c:a", "aac", "-shortest");
  args.push("-f", format, "-y", filePath);
  const { exitCode, stderr } = await runFfmpeg(args, { timeoutMs: 60_000 });
  if (exitCode !== 0) throw new Error(`ffmpeg failed: ${stderr}`);
}

/** An MP3 tone of `seconds` written to `filePath` by ffmpeg. */
export async function makeMp3(filePath: string, seconds: number): Promise<void> {
  const args = ["-v", "error", "-f", "lavfi", "-i", "sine=frequency=440", "-t", String(seconds), "-c:a", "libmp3lame", "-f", "mp3", "-y", filePath];
  const { exitCode, stderr } = await runFfmpeg(args, { timeoutMs: 60_000 });
  if (exitCode !== 0) throw new Error(`ffmpeg failed: ${stderr}`);
}

function box(type: string, ...payload: Buffer[]): Buffer {
  const body = Buffer.concat(payload);
  const header = Buffer.alloc(8);
  header.writeUInt32BE(8 + body.length, 0);
  header.write(type, 4, "latin1");
  return Buffer.concat([header, body]);
}

function fullBox(type: string, version: number, flags: number, ...payload: Buffer[]): Buffer {
  const vf = Buffer.alloc(4);
  vf.writeUInt32BE(((version & 0xff) << 24) | (flags & 0xffffff), 0);
  return box(type, vf, ...payload);
}

function u32(...values: number[]): Buffer {
  const b = Buffer.alloc(values.length * 4);
  values.forEach((v, i) => b.writeUInt32BE(v, i * 4));
  return b;
}

/**
 * The boxes of a HEIC still (no coded picture): a primary item 1 of `width`×`height`,
 * turned a quarter when `rotated`, and a 320×240 thumbnail item 2.
 */
export function makeHeicContainer(width: number, height: number, rotated = false): Buffer {
  const ftyp = box("ftyp", Buffer.from("heic", "latin1"), u32(0), Buffer.from("mif1heic", "latin1"));
  const hdlr = fullBox("hdlr", 0, 0, u32(0), Buffer.from("pict", "latin1"), u32(0, 0, 0), Buffer.from([0]));
  const pitm = fullBox("pitm", 0, 0, Buffer.from([0, 1]));
  const ipco = box(
    "ipco",
    fullBox("ispe", 0, 0, u32(320, 240)), // 1: thumbnail
    fullBox("ispe", 0, 0, u32(width, height)), // 2: primary
    box("irot", Buffer.from([rotated ? 1 : 0])), // 3
  );
  // entry count 2; item 1 → [2, 3]; item 2 → [1]
  const ipma = fullBox("ipma", 0, 0, u32(2), Buffer.from([0, 1, 2, 0x82, 3, 0, 2, 1, 0x81]));
  const meta = fullBox("meta", 0, 0, hdlr, pitm, box("iprp", ipco, ipma));
  const mdat = box("mdat", Buffer.alloc(64));
  return Buffer.concat([ftyp, meta, mdat]);
}

export async function writeBytes(filePath: string, bytes: Buffer | string): Promise<string> {
  await writeFile(filePath, bytes);
  return filePath;
}
