import { describe, expect, it } from "vitest";
import { parseFfmpegInfo } from "@/lib/media/parse-ffmpeg-info";

const mp4 = `Input #0, mov,mp4,m4a,3gp,3g2,mj2, from 'file:/tmp/t.mp4':
  Metadata:
    major_brand     : isom
  Duration: 00:00:03.02, start: 0.000000, bitrate: 414 kb/s
    Stream #0:0(und): Video: h264 (Constrained Baseline) (avc1 / 0x31637661), yuv420p, 1280x720 [SAR 1:1 DAR 16:9], 331 kb/s, 30 fps, 30 tbr, 15360 tbn, 60 tbc (default)
    Metadata:
      handler_name    : VideoHandler
    Stream #0:1(und): Audio: aac (LC) (mp4a / 0x6134706D), 44100 Hz, mono, fltp, 75 kb/s (default)
At least one output file must be specified
`;

const rotatedMov = `Input #0, mov,mp4,m4a,3gp,3g2,mj2, from 'file:/tmp/r.mov':
  Duration: 00:01:02.50, start: 0.000000, bitrate: 263 kb/s
    Stream #0:0(und): Video: hevc (Main) (hvc1 / 0x31637668), yuv420p(tv, bt709), 1280x720, 9000 kb/s, 29.97 fps, 29.97 tbr, 600 tbn, 600 tbc (default)
    Metadata:
      rotate          : 90
      creation_time   : 2026-01-01T00:00:00.000000Z
    Side data:
      displaymatrix: rotation of -90.00 degrees
    Stream #0:1(und): Audio: aac (LC) (mp4a / 0x6134706D), 44100 Hz, stereo, fltp, 96 kb/s (default)
`;

describe("parseFfmpegInfo", () => {
  it("reads duration, picture size, frame rate and audio", () => {
    expect(parseFfmpegInfo(mp4)).toEqual({
      container: "mov,mp4,m4a,3gp,3g2,mj2",
      durationMs: 3020,
      video: { codec: "h264", width: 1280, height: 720, fps: 30, rotation: 0 },
      hasAudio: true,
    });
  });

  it("turns the size of a quarter-rotated stream and reads fractional rates", () => {
    const info = parseFfmpegInfo(rotatedMov);
    expect(info.durationMs).toBe(62_500);
    expect(info.video).toEqual({ codec: "hevc", width: 720, height: 1280, fps: 29.97, rotation: 90 });
  });

  it("falls back to tbr, reads k suffixes, skips cover pictures", () => {
    const text = `Input #0, mov,mp4,m4a,3gp,3g2,mj2, from 'x':
  Duration: 00:00:05.00, start: 0.000000, bitrate: 1 kb/s
    Stream #0:0: Video: mjpeg, yuvj420p(pc), 600x600, 90k tbr, 90k tbn, 90k tbc (attached pic)
    Stream #0:1(und): Video: h264 (High) (avc1 / 0x31637661), yuv420p, 854x480, 1000 kb/s, 25 tbr, 12800 tbn (default)
`;
    expect(parseFfmpegInfo(text).video).toEqual({ codec: "h264", width: 854, height: 480, fps: 25, rotation: 0 });
  });

  it("knows when the input is not media", () => {
    const info = parseFfmpegInfo("file:/tmp/x.mp4: Invalid data found when processing input\n");
    expect(info).toEqual({ container: null, durationMs: null, video: null, hasAudio: false });
  });

  it("treats an unknown duration as unknown", () => {
    const info = parseFfmpegInfo(`Input #0, mov,mp4, from 'x':\n  Duration: N/A, bitrate: N/A\n`);
    expect(info.durationMs).toBeNull();
  });
});
