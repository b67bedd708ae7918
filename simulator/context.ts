import type { BlobStore } from "./blob-store";
import type { SimClock } from "./clock";
import type { FaultInjector } from "./faults";
import type { ErrorStyle } from "./reply";
import type { StateStore } from "./state";
import type { RequestStats } from "./stats";

export type LogLevel = "debug" | "info" | "warn" | "error";
export type SimulatorLog = (level: LogLevel, message: string, fields?: Record<string, unknown>) => void;

export const VIDEO_CODECS = ["h264", "vp9"] as const;
export type VideoCodec = (typeof VIDEO_CODECS)[number];

export interface SimulatorSettings {
  apiKeys: ReadonlySet<string>;
  reviewMs: number;
  videoMs: number;
  videoTtlSeconds: number;
  rejectRate: number;
  seed: string;
  requirePublicUrls: boolean;
  /** Base of the links the simulator hands out, without a trailing slash. */
  publicUrl: string;
  errorStyle: ErrorStyle;
  downloadTimeoutMs: number;
  /** Rendered videos last min(requested duration, this) seconds. */
  maxRenderSeconds: number;
  videoCodec: VideoCodec;
}

/** What the routes and background jobs share. */
export interface SimContext {
  settings: SimulatorSettings;
  store: StateStore;
  blobs: BlobStore;
  clock: SimClock;
  faults: FaultInjector;
  stats: RequestStats;
  log: SimulatorLog;
  startedMs: number;
}
