import { writeFile } from "node:fs/promises";
import sharp from "sharp";
import { runFfmpeg } from "@/lib/media/run-ffmpeg";

/** Media files made on the spot for tests. */

/** A PNG of the given size; `seed` changes its pixels (and so its hash). */
export async function makePng(width: number, height: number, seed = 0): Promise<Buffer> {
  return sharp({
    create: { width, height, channels: 3, background: { r: seed % 256, g: (seed >> 8) % 256, b: 120 } },
  })
    .png()
    .toBuffer();
}

/** A 16-bit mono PCM WAV of silence-ish samples, written byte by byte. */
export function makeWav(seconds: number, sampleRate = 8000): Buffer {
  const samples = Math.round(seconds * sampleRate);
  const dataBytes = samples * 2;
  const wav = Buffer.alloc(44 + dataBytes);
  wav.write("RIFF", 0, "ascii");
  wav.writeUInt32LE(36 + dataBytes, 4);
  wav.write("WAVE", 8, "ascii");
  wav.write("fmt ", 12, "ascii");
  wav.writeUInt32LE(16, 16); // fmt chunk size
  wav.writeUInt16LE(1, 20); // PCM
  wav.writeUInt16LE(1, 22); // mono
  wav.writeUInt32LE(sampleRate, 24);
  wav.writeUInt32LE(sampleRate * 2, 28); // byte rate
  wav.writeUInt16LE(2, 32); // block align
  wav.writeUInt16LE(16, 34); // bits per sample
  wav.write("data", 36, "ascii");
  wav.writeUInt32LE(dataBytes, 40);
  for (let i = 0; i < samples; i++) wav.writeInt16LE(Math.round(Math.sin(i / 10) * 1000), 44 + i * 2);
  return wav;
}

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
