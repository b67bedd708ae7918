import { z } from "zod";
import { VIDEO_CODECS, type LogLevel } from "./context";
import { faultConfigSchema } from "./faults";
import { ERROR_STYLES } from "./reply";
import type { SimulatorOptions } from "./server";

export const DEFAULT_STATE_FILE = ".data/simulator/state.json";

const LOG_LEVELS = ["debug", "info", "warn", "error", "silent"] as const;

const flag = z
  .enum(["0", "1", "true", "false", "yes", "no"])
  .transform((value) => value === "1" || value === "true" || value === "yes");

const jsonText = z.string().transform((text, ctx) => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    ctx.addIssue({ code: "custom", message: "is not valid JSON" });
    return z.NEVER;
  }
});

const envSchema = z.object({
  SIMULATOR_PORT: z.coerce.number().int().min(0).max(65535).default(4010),
  SIMULATOR_HOST: z.string().min(1).default("127.0.0.1"),
  SIMULATOR_API_KEYS: z
    .string()
    .default("sk-sim-demo")
    .transform((text) => text.split(",").map((key) => key.trim()).filter((key) => key.length > 0))
    .refine((keys) => keys.length > 0, "needs at least one key")
    .refine((keys) => keys.every((key) => !/\s/.test(key)), "keys must not contain spaces"),
  SIMULATOR_REVIEW_MS: z.coerce.number().int().min(0).max(3_600_000).default(4000),
  SIMULATOR_VIDEO_MS: z.coerce.number().int().min(0).max(3_600_000).default(12000),
  SIMULATOR_VIDEO_TTL_S: z.coerce.number().int().min(1).default(259200),
  SIMULATOR_REJECT_RATE: z.coerce.number().min(0).max(1).default(0),
  SIMULATOR_SEED: z.string().optional(),
  SIMULATOR_REQUIRE_PUBLIC_URLS: flag.default(false),
  SIMULATOR_STATE_FILE: z.string().default(DEFAULT_STATE_FILE),
  SIMULATOR_PUBLIC_URL: z
    .url({ protocol: /^https?$/ })
    .optional(),
  SIMULATOR_FAULTS: jsonText.pipe(faultConfigSchema).optional(),
  SIMULATOR_ERROR_STYLE: z.enum(ERROR_STYLES).default("error"),
  SIMULATOR_VIDEO_CODEC: z.enum(VIDEO_CODECS).default("h264"),
  SIMULATOR_MAX_RENDER_S: z.coerce.number().int().min(1).max(15).default(4),
  SIMULATOR_DOWNLOAD_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(15000),
  SIMULATOR_LOG_LEVEL: z.enum(LOG_LEVELS).default("info"),
});

export type SimulatorEnvResult =
  | { ok: true; options: SimulatorOptions & { port: number; host: string }; logLevel: LogLevel | "silent" }
  | { ok: false; errors: string[] };

/**
 * Reads the SIMULATOR_* variables. Empty values count as unset, except SIMULATOR_STATE_FILE,
 * where an empty value (or `none`) keeps the state in memory only.
 */
export function parseSimulatorEnv(env: Record<string, string | undefined>): SimulatorEnvResult {
  const input: Record<string, string> = {};
  for (const key of Object.keys(envSchema.shape)) {
    const value = env[key];
    if (value !== undefined && value.trim() !== "") input[key] = value.trim();
  }
  const memoryOnly = env.SIMULATOR_STATE_FILE !== undefined && ["", "none"].includes(env.SIMULATOR_STATE_FILE.trim());
  const parsed = envSchema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((issue) => `${String(issue.path[0] ?? "environment")}: ${issue.message}`),
    };
  }
  const e = parsed.data;
  return {
    ok: true,
    logLevel: e.SIMULATOR_LOG_LEVEL,
    options: {
      port: e.SIMULATOR_PORT,
      host: e.SIMULATOR_HOST,
      apiKeys: e.SIMULATOR_API_KEYS,
      reviewMs: e.SIMULATOR_REVIEW_MS,
      videoMs: e.SIMULATOR_VIDEO_MS,
      videoTtlSeconds: e.SIMULATOR_VIDEO_TTL_S,
      rejectRate: e.SIMULATOR_REJECT_RATE,
      seed: e.SIMULATOR_SEED,
      requirePublicUrls: e.SIMULATOR_REQUIRE_PUBLIC_URLS,
      stateFile: memoryOnly ? undefined : e.SIMULATOR_STATE_FILE,
      publicUrl: e.SIMULATOR_PUBLIC_URL,
      faults: e.SIMULATOR_FAULTS,
      errorStyle: e.SIMULATOR_ERROR_STYLE,
      videoCodec: e.SIMULATOR_VIDEO_CODEC,
      maxRenderSeconds: e.SIMULATOR_MAX_RENDER_S,
      downloadTimeoutMs: e.SIMULATOR_DOWNLOAD_TIMEOUT_MS,
    },
  };
}
