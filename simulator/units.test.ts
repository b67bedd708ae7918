import { describe, expect, it } from "vitest";
import { parseFfmpegInfo } from "./ffmpeg";
import { newAssetId, newGroupId, newTaskId, TASK_ID_PATTERN } from "./ids";
import { moderateAsset } from "./moderation";
import { parseRange } from "./routes/serve-file";
import { isPrivateHost, urlProblem } from "./url-rules";
import { frameSize } from "./video";

describe("ids", () => {
  it("look like the provider's", () => {
    const now = Date.UTC(2026, 3, 15, 11, 15, 40);
    expect(newTaskId(now)).toMatch(TASK_ID_PATTERN);
    expect(newTaskId(now).slice(0, 8)).toBe("task_01K");
    expect(newAssetId(now)).toMatch(/^asset-20260415111540-[a-z0-9]{5}$/);
    expect(newGroupId(now)).toMatch(/^group-20260415111540-[a-z0-9]{5}$/);
  });
});

describe("url rules", () => {
  it("knows private hosts", () => {
    for (const host of ["localhost", "app.localhost", "127.0.0.1", "10.1.2.3", "172.20.0.1", "192.168.0.1", "169.254.1.1", "[::1]", "[fd00::1]", "[fe80::1]", "[::ffff:127.0.0.1]", "0.0.0.0"]) {
      expect(isPrivateHost(host), host).toBe(true);
    }
    for (const host of ["example.com", "8.8.8.8", "172.32.0.1", "[2001:db8::1]"]) {
      expect(isPrivateHost(host), host).toBe(false);
    }
  });

  it("explains refused URLs", () => {
    expect(urlProblem("DATA:text/plain,hi", false)).toContain("data: URIs");
    expect(urlProblem("file:///etc/passwd", false)).toContain("http(s)");
    expect(urlProblem("http://127.0.0.1/a.png", false)).toBeUndefined();
    expect(urlProblem("http://127.0.0.1/a.png", true)).toContain("publicly reachable");
  });
});

describe("byte ranges", () => {
  it("parses single ranges", () => {
    expect(parseRange(undefined, 100)).toBeUndefined();
    expect(parseRange("bytes=0-9", 100)).toEqual({ start: 0, end: 9 });
    expect(parseRange("bytes=90-", 100)).toEqual({ start: 90, end: 99 });
    expect(parseRange("bytes=-10", 100)).toEqual({ start: 90, end: 99 });
    expect(parseRange("bytes=50-500", 100)).toEqual({ start: 50, end: 99 });
    expect(parseRange("bytes=100-", 100)).toBe("unsatisfiable");
    expect(parseRange("bytes=0-1,5-6", 100)).toBeUndefined();
  });
});

describe("frame sizes", () => {
  it("follow size and resolution", () => {
    expect(frameSize("16:9", "720p")).toEqual({ width: 1280, height: 720 });
    expect(frameSize("16:9", "480p")).toEqual({ width: 854, height: 480 });
    expect(frameSize("9:16", "1080p")).toEqual({ width: 1080, height: 1920 });
    expect(frameSize("1:1", "480p")).toEqual({ width: 480, height: 480 });
    expect(frameSize("21:9", "720p")).toEqual({ width: 1680, height: 720 });
    expect(frameSize("adaptive", "720p", { width: 300, height: 600 })).toEqual({ width: 720, height: 1440 });
    expect(frameSize("adaptive", "720p")).toEqual({ width: 1280, height: 720 });
  });
});

describe("ffmpeg output", () => {
  it("is parsed for duration, size and frame rate", () => {
    const stderr = [
      "Input #0, mov,mp4,m4a,3gp,3g2,mj2, from 'x.mp4':",
      "  Duration: 00:00:05.04, start: 0.000000, bitrate: 84 kb/s",
      "    Stream #0:0(und): Video: h264 (High) (avc1 / 0x31637661), yuv420p(tv, bt709), 1280x720 [SAR 1:1 DAR 16:9], 80 kb/s, 29.97 fps, 29.97 tbr, 30k tbn (default)",
      "    Stream #0:1(und): Audio: aac (LC) (mp4a / 0x6134706D), 44100 Hz, stereo, fltp, 2 kb/s (default)",
    ].join("\n");
    expect(parseFfmpegInfo(stderr)).toEqual({
      container: "mov,mp4,m4a,3gp,3g2,mj2",
      durationSeconds: 5.04,
      video: { codec: "h264", width: 1280, height: 720, fps: 29.97 },
      audio: { codec: "aac" },
    });
  });
});

describe("moderation", () => {
  it("refuses real-person names and file names", () => {
    const settings = { seed: "0", rejectRate: 0 };
    expect(moderateAsset({ name: "ok", url: "https://x/real-person.png", type: "Image" }, settings)).toMatch(/^InputImageSensitiveContentDetected/);
    expect(moderateAsset({ name: "REAL-PERSON", url: "https://x/a.png", type: "Video" }, settings)).toMatch(/^InputVideoSensitiveContentDetected/);
    expect(moderateAsset({ name: "ok", url: "https://x/a.png", type: "Image" }, settings)).toBeUndefined();
    expect(moderateAsset({ name: "ok", url: "https://x/a.png", type: "Image" }, { seed: "0", rejectRate: 1 })).toBeDefined();
  });
});
