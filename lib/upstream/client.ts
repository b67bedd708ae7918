import { randomUUID } from "node:crypto";
import { z } from "zod";
import { AppError, errorKey } from "@/lib/errors";
import { messageKey } from "@/lib/i18n/message-key";
import { logger } from "@/lib/logger";
import {
  type CreateVideoInput,
  type SubmitAssetsInput,
  createVideoInputSchema,
  createVideoWireBody,
  submitAssetsInputSchema,
  submitAssetsWireBody,
} from "@/lib/upstream/inputs";
import { withKeySlot } from "@/lib/upstream/key-semaphore";
import { type FetchLike, createTimedFetch, isPhaseTimeout } from "@/lib/upstream/timed-fetch";
import type { ParsedTask, SubmittedTask } from "@/lib/upstream/normalised";
import { parseTask } from "@/lib/upstream/parse-task";
import { submitResponseSchema, successEnvelopeSchema, videoResponseSchema } from "@/lib/upstream/schemas";
import { mapProviderStatus } from "@/lib/upstream/status-map";
import {
  UpstreamError,
  isErrorBody,
  isUpstreamError,
  upstreamErrorFromResponse,
  upstreamMalformed,
  upstreamUnreachable,
} from "@/lib/upstream/upstream-error";

export const taskLanguageSchema = z.enum(["en", "zh", "ko", "ja"]);

type SleepFn = (ms: number, signal?: AbortSignal) => Promise<void>;

export const upstreamClientConfigSchema = z.object({
  baseUrl: z.url({ protocol: /^https?$/ }),
  apiKey: z.string().min(1),
  /** Per attempt, covering the answer's body too. */
  timeoutMs: z.number().int().positive(),
  /**
   * Per phase of an attempt (the built-in transport only; a `fetch` given here gets only
   * `timeoutMs`): to connect, from the request sent to the answer's first byte (default
   * `timeoutMs`), and the longest silence inside the answer's body.
   */
  connectTimeoutMs: z.number().int().positive().default(5_000),
  firstByteTimeoutMs: z.number().int().positive().optional(),
  betweenBytesTimeoutMs: z.number().int().positive().default(10_000),
  /** Further attempts after the first. */
  maxRetries: z.number().int().min(0).max(10),
  /** Calls in flight at once for this key, across every client in the process. */
  concurrency: z.number().int().positive(),
  language: taskLanguageSchema.optional(),
  fetch: z.custom<FetchLike>((v) => typeof v === "function").optional(),
  /** Whether the provider honours Idempotency-Key; without it POSTs are never resent. */
  idempotency: z.boolean().default(true),
  /** Backoff: full jitter over min(retryMaxMs, retryBaseMs × 2^attempt). */
  retryBaseMs: z.number().nonnegative().default(500),
  retryMaxMs: z.number().nonnegative().default(15_000),
  /** A longer Retry-After is not waited out here: the error goes back to the caller. */
  maxRetryAfterMs: z.number().nonnegative().default(30_000),
  sleep: z.custom<SleepFn>((v) => typeof v === "function").optional(),
  random: z.custom<() => number>((v) => typeof v === "function").optional(),
});
export type UpstreamClientConfig = z.input<typeof upstreamClientConfigSchema>;

export interface CallOptions {
  signal?: AbortSignal;
  /** Fewer resends inside this call than the client's default (a caller with its own backoff). */
  maxRetries?: number;
}
export interface PostOptions extends CallOptions {
  /**
   * Sent as Idempotency-Key, the same on every attempt. Only a POST with a key is resent
   * after a failure, so that a submission can never create two tasks.
   */
  idempotencyKey?: string;
}
export interface GetTaskOptions extends CallOptions {
  /** What the task is known to be (see parseTask). */
  kind?: "review" | "video";
  language?: z.infer<typeof taskLanguageSchema>;
}

/** A normalised answer together with the JSON body exactly as received, for records. */
export interface UpstreamResult<T> {
  data: T;
  raw: unknown;
}

export type ConnectionTest = { ok: true } | { ok: false; error: UpstreamError };

export interface UpstreamClient {
  /** Whether the provider is taken to honour Idempotency-Key (a lost answer may then be asked for again). */
  readonly idempotency?: boolean;
  submitAssets(input: SubmitAssetsInput, options?: PostOptions): Promise<UpstreamResult<SubmittedTask>>;
  getTask(taskId: string, options?: GetTaskOptions): Promise<UpstreamResult<ParsedTask>>;
  createVideo(input: CreateVideoInput, options?: PostOptions): Promise<UpstreamResult<SubmittedTask>>;
  testConnection(options?: CallOptions): Promise<ConnectionTest>;
}

interface Request {
  method: "GET" | "POST";
  path: string;
  query?: Record<string, string | undefined>;
  body?: unknown;
  idempotencyKey?: string;
  signal?: AbortSignal;
  maxRetries?: number;
}

const defaultSleep: SleepFn = (ms, signal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });

/** `key`: the `errors` sentence naming what was not valid. */
function invalidInput(error: z.ZodError, key: string): AppError {
  return new AppError("INVALID_INPUT", key, {
    detail: { issues: error.issues.map((i) => ({ path: i.path.join("."), message: i.message })) },
  });
}

/** `https://x/` and `https://x/v1` both become `https://x`: paths carry the `/v1`. */
function normaliseBaseUrl(baseUrl: string): string {
  return baseUrl.replace(/\/+$/, "").replace(/\/v1$/, "");
}

/**
 * The provider client. Every call to the provider goes through here: auth, timeouts, retries
 * with backoff, the per-key concurrency limit, and zod on every answer. Errors are always
 * UpstreamError, AppError INVALID_INPUT for bad input, or the caller's own abort reason when
 * its signal fires; nothing else is thrown.
 */
export function createUpstreamClient(config: UpstreamClientConfig): UpstreamClient {
  const parsedConfig = upstreamClientConfigSchema.safeParse(config);
  if (!parsedConfig.success) throw invalidInput(parsedConfig.error, errorKey(messageKey("errors.providerConfigInvalid")));
  const cfg = parsedConfig.data;
  const base = normaliseBaseUrl(cfg.baseUrl);
  const doFetch: FetchLike =
    cfg.fetch ??
    createTimedFetch({
      connectMs: cfg.connectTimeoutMs,
      firstByteMs: cfg.firstByteTimeoutMs ?? cfg.timeoutMs,
      betweenBytesMs: cfg.betweenBytesTimeoutMs,
    });
  const fewerRetries = (n: number | undefined) => (n === undefined ? undefined : Math.max(0, Math.min(n, cfg.maxRetries)));
  const sleep = cfg.sleep ?? defaultSleep;
  const random = cfg.random ?? Math.random;

  function backoffMs(attempt: number, error: UpstreamError): number {
    const ceiling = Math.min(cfg.retryMaxMs, cfg.retryBaseMs * 2 ** attempt);
    const jitter = random() * ceiling;
    return error.retryAfterMs !== undefined ? Math.max(error.retryAfterMs, jitter) : jitter;
  }

  async function attemptOnce(req: Request, url: string, attempt: number): Promise<{ status: number; body: unknown }> {
    const headers: Record<string, string> = {
      Authorization: `Bearer ${cfg.apiKey}`,
      "Content-Type": "application/json",
      Accept: "application/json",
    };
    if (req.idempotencyKey) headers["Idempotency-Key"] = req.idempotencyKey;
    const ctx = { method: req.method, path: req.path };
    let started = performance.now();
    let status: number | undefined;
    try {
      return await withKeySlot(
        cfg.apiKey,
        cfg.concurrency,
        async () => {
          started = performance.now();
          const timeout = AbortSignal.timeout(cfg.timeoutMs);
          const signal = req.signal ? AbortSignal.any([timeout, req.signal]) : timeout;
          let text: string;
          let response: Response;
          try {
            response = await doFetch(url, {
              method: req.method,
              headers,
              body: req.body === undefined ? undefined : JSON.stringify(req.body),
              signal,
            });
            status = response.status;
            text = await response.text();
          } catch (error) {
            if (req.signal?.aborted) throw req.signal.reason;
            throw upstreamUnreachable(error, { ...ctx, timedOut: timeout.aborted || isPhaseTimeout(error) });
          }
          let body: unknown;
          let jsonError: unknown;
          if (text.trim() !== "") {
            try {
              body = JSON.parse(text);
            } catch (error) {
              jsonError = error;
            }
          }
          if (!response.ok) {
            throw upstreamErrorFromResponse({
              httpStatus: response.status,
              body,
              text: body === undefined ? text : undefined,
              retryAfter: response.headers.get("retry-after"),
              ...ctx,
            });
          }
          if (body === undefined) {
            throw upstreamMalformed(jsonError ? "the answer is not JSON" : "the answer is empty", {
              ...ctx,
              httpStatus: response.status,
              text,
              cause: jsonError,
            });
          }
          if (isErrorBody(body)) {
            throw upstreamErrorFromResponse({
              httpStatus: response.status,
              body,
              retryAfter: response.headers.get("retry-after"),
              ...ctx,
            });
          }
          return { status: response.status, body };
        },
        req.signal,
      );
    } finally {
      logger.debug(
        {
          upstream: {
            method: req.method,
            path: req.path,
            status,
            durationMs: Math.round(performance.now() - started),
            attempt,
          },
        },
        "upstream call",
      );
    }
  }

  async function send(req: Request): Promise<{ status: number; body: unknown }> {
    const url = new URL(base + req.path);
    for (const [k, v] of Object.entries(req.query ?? {})) if (v !== undefined) url.searchParams.set(k, v);
    const maxRetries = req.maxRetries ?? cfg.maxRetries;
    const mayRetry = req.method === "GET" || (req.idempotencyKey !== undefined && cfg.idempotency);
    for (let attempt = 0; ; attempt++) {
      try {
        return await attemptOnce(req, url.toString(), attempt);
      } catch (error) {
        if (!isUpstreamError(error)) throw error;
        const tooLongToWait =
          error.retryAfterMs !== undefined && error.retryAfterMs > cfg.maxRetryAfterMs;
        if (!mayRetry || !error.retryable || attempt >= maxRetries || tooLongToWait) throw error;
        const delay = backoffMs(attempt, error);
        logger.debug(
          { upstream: { method: req.method, path: req.path, code: error.code, attempt, retryInMs: Math.round(delay) } },
          "upstream call will be retried",
        );
        await sleep(delay, req.signal);
      }
    }
  }

  /** `{code: 200, data}` → data; a body without an envelope is taken as the data itself. */
  function envelopeData(body: unknown, req: Request, status: number): unknown {
    const envelope = successEnvelopeSchema.safeParse(body);
    if (envelope.success) return envelope.data.data;
    if (body !== null && typeof body === "object" && !Array.isArray(body) && !("code" in body)) return body;
    throw upstreamMalformed("the answer is not a success envelope", { method: req.method, path: req.path, httpStatus: status, body });
  }

  function submitted(taskId: string, rawStatus: string | undefined, extra: { progress?: unknown; model?: string } = {}): SubmittedTask {
    const mapped = rawStatus === undefined ? { status: "pending" as const, rawStatus: "" } : mapProviderStatus(rawStatus);
    const task: SubmittedTask = { taskId, status: mapped.status, rawStatus: mapped.rawStatus };
    const progress = typeof extra.progress === "number" ? extra.progress : Number.parseFloat(String(extra.progress));
    if (Number.isFinite(progress)) task.progress = Math.min(100, Math.max(0, progress));
    if (extra.model) task.model = extra.model;
    return task;
  }

  async function post<T>(req: Request, read: (body: unknown, status: number) => T): Promise<UpstreamResult<T>> {
    const { status, body } = await send(req);
    return { data: read(body, status), raw: body };
  }

  return {
    idempotency: cfg.idempotency,

    async submitAssets(input, options = {}) {
      const parsed = submitAssetsInputSchema.safeParse(input);
      if (!parsed.success) throw invalidInput(parsed.error, errorKey(messageKey("errors.assetSubmissionInvalid")));
      const req: Request = {
        method: "POST",
        path: "/v1/seedance2/private-avatar",
        body: submitAssetsWireBody(parsed.data),
        idempotencyKey: options.idempotencyKey,
        signal: options.signal,
      };
      return post(req, (body, status) => {
        const result = submitResponseSchema.safeParse(body);
        if (!result.success) {
          throw upstreamMalformed("no task id in the submit answer", { method: req.method, path: req.path, httpStatus: status, body });
        }
        const { taskId, status: rawStatus, progress, model } = result.data;
        return submitted(taskId, rawStatus, { progress, model });
      });
    },

    async getTask(taskId, options = {}) {
      const id = taskId.trim();
      if (!id) throw new AppError("INVALID_INPUT", "taskIdMissing");
      const req: Request = {
        method: "GET",
        path: `/v1/tasks/${encodeURIComponent(id)}`,
        query: { language: options.language ?? cfg.language },
        signal: options.signal,
        maxRetries: fewerRetries(options.maxRetries),
      };
      const { status, body } = await send(req);
      const data = envelopeData(body, req, status);
      try {
        return { data: parseTask(data, { taskId: id, kind: options.kind }), raw: body };
      } catch (error) {
        if (isUpstreamError(error)) {
          throw upstreamMalformed(error.detail.reason ?? "unreadable task", {
            method: req.method,
            path: req.path,
            httpStatus: status,
            body,
            cause: error,
          });
        }
        throw upstreamMalformed("unreadable task", { method: req.method, path: req.path, httpStatus: status, body, cause: error });
      }
    },

    async createVideo(input, options = {}) {
      const parsed = createVideoInputSchema.safeParse(input);
      if (!parsed.success) throw invalidInput(parsed.error, errorKey(messageKey("errors.videoRequestInvalid")));
      const req: Request = {
        method: "POST",
        path: "/v1/videos/generations",
        body: createVideoWireBody(parsed.data),
        idempotencyKey: options.idempotencyKey,
        signal: options.signal,
        maxRetries: fewerRetries(options.maxRetries),
      };
      return post(req, (body, status) => {
        const result = videoResponseSchema.safeParse(body);
        if (!result.success) {
          throw upstreamMalformed("no task id in the generation answer", { method: req.method, path: req.path, httpStatus: status, body });
        }
        return submitted(result.data.taskId, result.data.status);
      });
    },

    async testConnection(options = {}) {
      const req: Request = {
        method: "GET",
        path: `/v1/tasks/task_connection_check_${randomUUID().replaceAll("-", "")}`,
        query: { language: cfg.language },
        signal: options.signal,
        maxRetries: Math.min(cfg.maxRetries, 1),
      };
      try {
        await send(req);
        return { ok: true };
      } catch (error) {
        if (!isUpstreamError(error)) throw error;
        // An unknown id answered with "not found" or "bad request" proves the key works.
        if (error.httpStatus === 404 || error.httpStatus === 400) return { ok: true };
        return { ok: false, error };
      }
    },
  };
}
