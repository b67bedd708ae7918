import type {
  FailedAsset,
  ParsedTask,
  PendingAsset,
  ReviewResult,
  TaskErrorInfo,
  UsableAsset,
  VideoResult,
} from "@/lib/upstream/normalised";
import { type RawAssetItem, type RawTaskPayload, type RawTaskResult, taskPayloadSchema } from "@/lib/upstream/schemas";
import { mapProviderStatus } from "@/lib/upstream/status-map";
import { upstreamMalformed } from "@/lib/upstream/upstream-error";

export interface ParseTaskOptions {
  /** What the task is known to be; without it the result's fields decide. */
  kind?: "review" | "video";
  /** The id that was asked for, used when the payload does not repeat it. */
  taskId?: string;
}

const ASSET_SCHEME = /^asset:\/\//i;

/** `Asset://x` (any case) → `asset://x`; other URLs are only trimmed. */
export function normaliseAssetUrl(url: string): string {
  const trimmed = url.trim();
  return ASSET_SCHEME.test(trimmed) ? `asset://${trimmed.slice("asset://".length)}` : trimmed;
}

/** `asset://asset-x` → `asset-x`. */
export function assetIdFromUrl(url: string | undefined): string | undefined {
  if (!url || !ASSET_SCHEME.test(url.trim())) return undefined;
  const id = url.trim().slice("asset://".length).split(/[/?#]/)[0];
  return id ? id : undefined;
}

/**
 * The machine-readable code at the start of a review reason: the part before the first
 * `:` (`InvalidParameter.DownloadFailed: could not fetch` → `InvalidParameter.DownloadFailed`),
 * or a dotted code with no colon (`InputImageSensitiveContentDetected.PrivacyInformation`).
 * Plain sentences give undefined.
 */
export function failureCodeOf(reason: string | undefined): string | undefined {
  if (!reason) return undefined;
  const match = /^\s*([A-Za-z][\w-]*(?:\.[A-Za-z][\w-]*)*)(?=\s*:|\s|$)/.exec(reason);
  if (!match?.[1]) return undefined;
  const token = match[1];
  const rest = reason.slice(match[0].length);
  if (/^\s*:/.test(rest)) return token;
  return token.includes(".") ? token : undefined;
}

type AssetVerdict = "usable" | "failed" | "pending";

function verdictOf(status: string | undefined): AssetVerdict {
  const s = (status ?? "").trim().toLowerCase();
  if (["active", "available", "approved", "usable", "success", "succeeded", "completed", "passed"].includes(s)) return "usable";
  if (["failed", "fail", "rejected", "error", "invalid", "blocked"].includes(s)) return "failed";
  return "pending";
}

function nameOf(item: RawAssetItem): string | undefined {
  return item.name ?? item.raw_response?.Result?.Name;
}

function toUsable(item: RawAssetItem): UsableAsset | undefined {
  const rawUrl = item.asset_url ?? item.url ?? item.raw_response?.Result?.URL;
  const url = rawUrl ? normaliseAssetUrl(rawUrl) : undefined;
  const assetId = item.asset_id ?? item.id ?? item.raw_response?.Result?.Id ?? assetIdFromUrl(url);
  const assetUrl = url ?? (assetId ? `asset://${assetId}` : undefined);
  if (!assetUrl) return undefined;
  return { name: nameOf(item), assetId, assetUrl };
}

function toFailed(item: RawAssetItem): FailedAsset {
  const reason = item.reason ?? item.error?.message ?? item.message ?? "The asset did not pass review.";
  const explicit = item.code !== undefined ? String(item.code) : item.error?.code;
  return {
    name: nameOf(item),
    assetId: item.asset_id ?? item.id ?? item.raw_response?.Result?.Id,
    code: failureCodeOf(reason) ?? explicit,
    reason,
  };
}

function toPending(item: RawAssetItem): PendingAsset {
  return { name: nameOf(item), assetId: item.asset_id ?? item.id ?? item.raw_response?.Result?.Id };
}

function hasReviewFields(result: RawTaskResult | undefined): boolean {
  return !!result && (result.usable_assets !== undefined || result.failed_assets !== undefined || result.assets !== undefined || result.asset_url !== undefined || result.asset_id !== undefined);
}

function hasVideoFields(result: RawTaskResult | undefined): boolean {
  return !!result && (result.videos !== undefined || result.video_url !== undefined || result.urls !== undefined || result.images !== undefined || result.thumbnail_url !== undefined || result.last_frame_url !== undefined);
}

function parseReview(payload: RawTaskPayload): ReviewResult {
  const result = payload.result;
  const usable: UsableAsset[] = [];
  const failed: FailedAsset[] = [];
  const pending: PendingAsset[] = [];
  for (const item of result?.usable_assets ?? []) {
    const asset = toUsable(item);
    if (asset) usable.push(asset);
  }
  for (const item of result?.failed_assets ?? []) failed.push(toFailed(item));
  // A full list of every asset with its own status (only when the split lists are absent,
  // so that one asset is never counted twice).
  if (result?.usable_assets === undefined && result?.failed_assets === undefined) {
    for (const item of result?.assets ?? []) {
      const verdict = verdictOf(item.status ?? item.raw_response?.Result?.Status);
      if (verdict === "usable") {
        const asset = toUsable(item);
        if (asset) usable.push(asset);
        else pending.push(toPending(item));
      } else if (verdict === "failed") failed.push(toFailed(item));
      else pending.push(toPending(item));
    }
  }
  const groupFromItems = [...(result?.assets ?? []), ...(result?.usable_assets ?? [])]
    .map((i) => i.raw_response?.Result?.GroupId)
    .find((g) => g !== undefined);
  const assetUrl = result?.asset_url
    ? normaliseAssetUrl(result.asset_url)
    : result?.asset_id && !result.usable_assets && !result.assets
      ? `asset://${result.asset_id}`
      : undefined;
  return {
    groupId: result?.group_id ?? payload.group_id ?? groupFromItems,
    usable,
    failed,
    pending,
    assetUrl,
  };
}

function parseVideo(result: RawTaskResult | undefined): VideoResult {
  const videos = result?.videos ?? [];
  const urls = [
    ...videos.flatMap((v) => [...(v.url ?? []), ...(v.urls ?? []), ...(v.video_url ?? [])]),
    ...(result?.video_url ?? []),
    ...(result?.urls ?? []),
  ]
    .map((u) => u.trim())
    .filter((u) => u.length > 0);
  const first = videos[0];
  return {
    urls: [...new Set(urls)],
    expiresAt: first?.expires_at ?? result?.expires_at,
    thumbnailUrl: result?.thumbnail_url ?? first?.thumbnail_url,
    lastFrameUrl: result?.last_frame_url ?? result?.images?.find((u) => u.trim().length > 0),
  };
}

function parseError(payload: RawTaskPayload, failed: boolean): TaskErrorInfo | undefined {
  const e = payload.error;
  const message = e?.message;
  if (message === undefined && e?.code === undefined) {
    return failed ? { message: "The provider reported the task as failed without a reason." } : undefined;
  }
  const text = message ?? "The provider reported an error without a message.";
  const code = e?.code ?? failureCodeOf(message);
  return code !== undefined ? { message: text, code } : { message: text };
}

function unwrap(payload: unknown): unknown {
  if (payload === null || typeof payload !== "object" || Array.isArray(payload)) return payload;
  const p = payload as Record<string, unknown>;
  const looksLikeTask = "status" in p || "id" in p || "task_id" in p;
  if (!looksLikeTask && p.data && typeof p.data === "object" && !Array.isArray(p.data)) return p.data;
  return payload;
}

/**
 * A task payload (the `data` of `GET /v1/tasks/{id}`; a whole envelope is unwrapped) → our
 * shape. Never throws anything but an UPSTREAM_MALFORMED UpstreamError, and only when the
 * payload is not an object or carries no task id at all.
 */
export function parseTask(payload: unknown, options: ParseTaskOptions = {}): ParsedTask {
  const parsed = taskPayloadSchema.safeParse(unwrap(payload));
  if (!parsed.success) {
    throw upstreamMalformed("task payload is not an object", { body: payload, cause: parsed.error });
  }
  const p = parsed.data;
  const taskId = p.id ?? p.task_id ?? options.taskId;
  if (!taskId) throw upstreamMalformed("task payload has no id", { body: payload });

  const mapped = mapProviderStatus(p.status);
  const progress = Math.min(100, Math.max(0, p.progress ?? (mapped.status === "completed" ? 100 : 0)));
  const objectWord = (p.object ?? "").toLowerCase();
  const isReview =
    options.kind === "review" ||
    (options.kind === undefined && (hasReviewFields(p.result) || /asset|avatar/.test(objectWord)));
  const isVideo =
    options.kind === "video" ||
    (options.kind === undefined && !isReview && (hasVideoFields(p.result) || /video/.test(objectWord)));

  const task: ParsedTask = {
    taskId,
    status: mapped.status,
    rawStatus: mapped.rawStatus,
    unknownStatus: mapped.unknownStatus,
    progress,
  };
  const createdAt = p.created ?? p.created_at;
  const completedAt = p.completed ?? p.completed_at;
  if (createdAt) task.createdAt = createdAt;
  if (completedAt) task.completedAt = completedAt;
  if (p.estimated_time !== undefined) task.estimatedSeconds = p.estimated_time;
  if (p.actual_time !== undefined) task.actualSeconds = p.actual_time;
  const error = parseError(p, mapped.status === "failed");
  if (error) task.error = error;
  if (isReview) task.review = parseReview(p);
  if (isVideo) task.video = parseVideo(p.result);
  return task;
}
