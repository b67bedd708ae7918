import { describe, expect, it } from "vitest";
import { DEFAULT_STATE_FILE, parseSimulatorEnv } from "./config";

describe("simulator environment", () => {
  it("has working defaults", () => {
    const parsed = parseSimulatorEnv({});
    expect(parsed).toEqual({
      ok: true,
      logLevel: "info",
      options: {
        port: 4010,
        host: "127.0.0.1",
        apiKeys: ["sk-sim-demo"],
        reviewMs: 4000,
        videoMs: 12000,
        videoTtlSeconds: 259200,
        rejectRate: 0,
        seed: undefined,
        requirePublicUrls: false,
        stateFile: DEFAULT_STATE_FILE,
        publicUrl: undefined,
        faults: undefined,
        errorStyle: "error",
        videoCodec: "h264",
        maxRenderSeconds: 4,
        downloadTimeoutMs: 15000,
      },
    });
  });

  it("reads every variable", () => {
    const parsed = parseSimulatorEnv({
      SIMULATOR_PORT: "0",
      SIMULATOR_HOST: "0.0.0.0",
      SIMULATOR_API_KEYS: "sk-a, sk-b,,",
      SIMULATOR_REVIEW_MS: "10",
      SIMULATOR_VIDEO_MS: "20",
      SIMULATOR_VIDEO_TTL_S: "60",
      SIMULATOR_REJECT_RATE: "0.25",
      SIMULATOR_SEED: "abc",
      SIMULATOR_REQUIRE_PUBLIC_URLS: "1",
      SIMULATOR_STATE_FILE: "none",
      SIMULATOR_PUBLIC_URL: "https://sim.example.com",
      SIMULATOR_FAULTS: '{"endpoints":{"task":{"rate_limit":0.1}},"next":[{"endpoint":"submit","fault":"hang"}]}',
      SIMULATOR_ERROR_STYLE: "code",
      SIMULATOR_VIDEO_CODEC: "vp9",
    });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.options).toMatchObject({
      port: 0,
      host: "0.0.0.0",
      apiKeys: ["sk-a", "sk-b"],
      reviewMs: 10,
      videoMs: 20,
      videoTtlSeconds: 60,
      rejectRate: 0.25,
      seed: "abc",
      requirePublicUrls: true,
      stateFile: undefined,
      publicUrl: "https://sim.example.com",
      faults: { endpoints: { task: { rate_limit: 0.1 } }, next: [{ endpoint: "submit", fault: "hang", count: 1 }] },
      errorStyle: "code",
      videoCodec: "vp9",
    });
    const empty = parseSimulatorEnv({ SIMULATOR_STATE_FILE: "" });
    expect(empty.ok && empty.options.stateFile).toBeUndefined();
  });

  it("names every bad variable", () => {
    const parsed = parseSimulatorEnv({
      SIMULATOR_PORT: "http",
      SIMULATOR_REJECT_RATE: "2",
      SIMULATOR_REQUIRE_PUBLIC_URLS: "maybe",
      SIMULATOR_FAULTS: "{oops",
      SIMULATOR_ERROR_STYLE: "xml",
      SIMULATOR_PUBLIC_URL: "ftp://x",
      SIMULATOR_API_KEYS: " , ",
    });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    const named = parsed.errors.map((e) => e.split(":")[0]);
    expect(new Set(named)).toEqual(
      new Set([
        "SIMULATOR_PORT",
        "SIMULATOR_REJECT_RATE",
        "SIMULATOR_REQUIRE_PUBLIC_URLS",
        "SIMULATOR_FAULTS",
        "SIMULATOR_ERROR_STYLE",
        "SIMULATOR_PUBLIC_URL",
        "SIMULATOR_API_KEYS",
      ]),
    );
    const badFaults = parseSimulatorEnv({ SIMULATOR_FAULTS: '{"endpoints":{"task":{"hang":2}}}' });
    expect(badFaults.ok).toBe(false);
  });
});
