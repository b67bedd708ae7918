import { z } from "zod";
import { createRandom } from "./seeded-random";

export const FAULT_ENDPOINTS = ["submit", "task", "video", "files"] as const;
export type FaultEndpoint = (typeof FAULT_ENDPOINTS)[number];

/**
 * - `rate_limit`: 429 with Retry-After, nothing handled.
 * - `server_error`: 500, nothing handled.
 * - `slow`: answered normally after a delay.
 * - `hang`: never answered (the client must time out).
 * - `drop_before`: the connection is closed before the request is handled.
 * - `drop_after`: the request is handled (a task may be created) and the connection is
 *   closed instead of answering.
 * - `malformed_json`: the request is handled and the answer is cut in half.
 * - `bad_gateway`: the request is handled (a task may be created), then a gateway in front of
 *   the provider answers 502 with an HTML page instead of the provider's answer.
 * - `hang_after`: the request is handled (a task may be created) and the answer never comes
 *   (the client must time out).
 */
export const FAULT_KINDS = [
  "rate_limit",
  "server_error",
  "slow",
  "hang",
  "drop_before",
  "drop_after",
  "malformed_json",
  "bad_gateway",
  "hang_after",
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

const FAULT_ALIASES: Record<string, FaultKind> = {
  "429": "rate_limit",
  "500": "server_error",
  delay: "slow",
  timeout: "hang",
  drop: "drop_before",
  malformed: "malformed_json",
  "502": "bad_gateway",
};

const faultKindSchema = z.preprocess(
  (value) => (typeof value === "string" ? (FAULT_ALIASES[value] ?? value.replaceAll("-", "_")) : value),
  z.enum(FAULT_KINDS),
);

const rate = z.number().min(0).max(1);

const endpointFaultsSchema = z
  .object({
    rate_limit: rate.optional(),
    server_error: rate.optional(),
    slow: rate.optional(),
    hang: rate.optional(),
    drop_before: rate.optional(),
    drop_after: rate.optional(),
    malformed_json: rate.optional(),
    bad_gateway: rate.optional(),
    hang_after: rate.optional(),
    /** Delay of a `slow` answer. */
    slowMs: z.number().int().min(0).max(600_000).optional(),
    /** Retry-After seconds of a 429. */
    retryAfter: z.number().int().min(0).max(3600).optional(),
  })
  .strict()
  .refine((value) => FAULT_KINDS.reduce((sum, kind) => sum + (value[kind] ?? 0), 0) <= 1, {
    message: "the fault rates of one endpoint add up to more than 1",
  });
export type EndpointFaults = z.infer<typeof endpointFaultsSchema>;

export const nextFaultSchema = z
  .object({
    endpoint: z.enum(FAULT_ENDPOINTS),
    fault: faultKindSchema,
    count: z.number().int().min(1).max(10_000).default(1),
    retryAfter: z.number().int().min(0).max(3600).optional(),
    delayMs: z.number().int().min(0).max(600_000).optional(),
  })
  .strict();
export type NextFault = z.infer<typeof nextFaultSchema>;

export const faultConfigSchema = z
  .object({
    seed: z.union([z.string(), z.number()]).optional(),
    endpoints: z.partialRecord(z.enum(FAULT_ENDPOINTS), endpointFaultsSchema).default({}),
    next: z.array(nextFaultSchema).default([]),
  })
  .strict();
export type FaultConfig = z.infer<typeof faultConfigSchema>;
export type FaultConfigInput = z.input<typeof faultConfigSchema>;

export interface FaultDecision {
  kind: FaultKind;
  retryAfter: number;
  delayMs: number;
}

const DEFAULT_SLOW_MS = 2000;
const DEFAULT_RETRY_AFTER = 1;

/** Decides, per request, whether an endpoint misbehaves: queued faults first, then rates. */
export class FaultInjector {
  private config: FaultConfig = { endpoints: {}, next: [] };
  private random: () => number;
  readonly injected: Record<string, Record<string, number>> = {};

  constructor(
    config: FaultConfigInput | undefined,
    private readonly defaultSeed: string | number,
  ) {
    this.random = createRandom(defaultSeed);
    this.replace(config ?? {});
  }

  /** Replaces the whole configuration (rates and queued faults). Throws a ZodError. */
  replace(input: unknown): void {
    const config = faultConfigSchema.parse(input);
    this.config = config;
    this.random = createRandom(config.seed ?? this.defaultSeed);
  }

  enqueue(input: unknown): void {
    this.config.next.push(nextFaultSchema.parse(input));
  }

  resetCounts(): void {
    for (const key of Object.keys(this.injected)) delete this.injected[key];
  }

  describe(): FaultConfig {
    return structuredClone(this.config);
  }

  pick(endpoint: FaultEndpoint): FaultDecision | undefined {
    const decision = this.pickQueued(endpoint) ?? this.pickRandom(endpoint);
    if (decision) {
      const counts = (this.injected[endpoint] ??= {});
      counts[decision.kind] = (counts[decision.kind] ?? 0) + 1;
    }
    return decision;
  }

  private pickQueued(endpoint: FaultEndpoint): FaultDecision | undefined {
    const index = this.config.next.findIndex((entry) => entry.endpoint === endpoint);
    if (index < 0) return undefined;
    const entry = this.config.next[index]!;
    entry.count -= 1;
    if (entry.count <= 0) this.config.next.splice(index, 1);
    const rates = this.config.endpoints[endpoint];
    return {
      kind: entry.fault,
      retryAfter: entry.retryAfter ?? rates?.retryAfter ?? DEFAULT_RETRY_AFTER,
      delayMs: entry.delayMs ?? rates?.slowMs ?? DEFAULT_SLOW_MS,
    };
  }

  private pickRandom(endpoint: FaultEndpoint): FaultDecision | undefined {
    const rates = this.config.endpoints[endpoint];
    if (!rates) return undefined;
    const total = FAULT_KINDS.reduce((sum, kind) => sum + (rates[kind] ?? 0), 0);
    if (total <= 0) return undefined;
    let roll = this.random();
    for (const kind of FAULT_KINDS) {
      const share = rates[kind] ?? 0;
      if (roll < share) {
        return {
          kind,
          retryAfter: rates.retryAfter ?? DEFAULT_RETRY_AFTER,
          delayMs: rates.slowMs ?? DEFAULT_SLOW_MS,
        };
      }
      roll -= share;
    }
    return undefined;
  }
}
