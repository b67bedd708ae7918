import { toUnixSeconds } from "./clock";
import type { SimContext } from "./context";
import type { TaskLanguage } from "./limits";
import type { AssetRecord, AssetTaskRecord, StateStore, TaskRecord, VideoTaskRecord } from "./state";

export const ASSET_TASK_OBJECT = "seedance.avatar.asset.task";

export interface TaskPhase {
  status: "pending" | "processing" | "completed" | "failed";
  progress: number;
  /** When the task finished (simulator clock), once it has. */
  finishedMs?: number;
}

function rising(elapsedMs: number, spanMs: number, from: number, to: number): number {
  if (spanMs <= 0) return to;
  const share = Math.min(1, Math.max(0, elapsedMs / spanMs));
  return Math.floor(from + (to - from) * share);
}

/** A review is finished once `reviewMs` has passed AND every asset has been checked. */
export function assetTaskPhase(task: AssetTaskRecord, store: StateStore, nowMs: number): TaskPhase {
  const reviewEnd = task.createdMs + task.reviewMs;
  if (task.checksDoneMs === undefined || nowMs < reviewEnd) {
    return { status: "processing", progress: rising(nowMs - task.createdMs, task.reviewMs, 10, 95) };
  }
  const assets = task.assetIds.map((id) => store.assets.get(id));
  const allPassed = assets.every((asset) => asset?.verdict?.ok === true);
  return {
    status: allPassed ? "completed" : "failed",
    progress: 100,
    finishedMs: Math.max(reviewEnd, task.checksDoneMs),
  };
}

/** A generation waits briefly, then processes; it finishes once `videoMs` has passed AND rendering is done. */
export function videoTaskPhase(task: VideoTaskRecord, nowMs: number): TaskPhase {
  const elapsed = nowMs - task.createdMs;
  const end = task.createdMs + task.videoMs;
  if (task.renderDoneMs === undefined || nowMs < end) {
    const pendingMs = Math.min(2000, task.videoMs * 0.1);
    if (elapsed < pendingMs) return { status: "pending", progress: 0 };
    return { status: "processing", progress: rising(elapsed - pendingMs, task.videoMs - pendingMs, 10, 95) };
  }
  return {
    status: task.renderError || !task.output ? "failed" : "completed",
    progress: 100,
    finishedMs: Math.max(end, task.renderDoneMs),
  };
}

export type AssetStatus = "Processing" | "Active" | "Failed";

export function assetStatus(asset: AssetRecord, store: StateStore, nowMs: number): AssetStatus {
  const task = store.tasks.get(asset.taskId);
  if (!task || task.kind !== "asset") return "Failed";
  if (assetTaskPhase(task, store, nowMs).finishedMs === undefined) return "Processing";
  return asset.verdict?.ok ? "Active" : "Failed";
}

export function videoExpiresAt(task: VideoTaskRecord, finishedMs: number): number {
  return toUnixSeconds(finishedMs) + task.ttlSeconds;
}

const REVIEW_FAILED: Record<TaskLanguage, { some: string; all: string }> = {
  en: { some: "Some assets did not pass review", all: "No asset passed review" },
  zh: { some: "部分素材未通过审核", all: "所有素材均未通过审核" },
  ko: { some: "일부 에셋이 심사를 통과하지 못했습니다", all: "모든 에셋이 심사를 통과하지 못했습니다" },
  ja: { some: "一部のアセットが審査に合格しませんでした", all: "すべてのアセットが審査に合格しませんでした" },
};

const GENERATION_FAILED: Record<TaskLanguage, string> = {
  en: "Video generation failed",
  zh: "视频生成失败",
  ko: "동영상 생성에 실패했습니다",
  ja: "動画の生成に失敗しました",
};

function timing(task: TaskRecord, phase: TaskPhase, spanMs: number): Record<string, number> {
  const fields: Record<string, number> = {
    created: toUnixSeconds(task.createdMs),
    estimated_time: Math.max(1, Math.ceil(spanMs / 1000)),
  };
  if (phase.finishedMs !== undefined) {
    fields.completed = toUnixSeconds(phase.finishedMs);
    fields.actual_time = Math.max(0, Math.round((phase.finishedMs - task.createdMs) / 1000));
  }
  return fields;
}

export function renderAssetTask(task: AssetTaskRecord, ctx: SimContext, language: TaskLanguage): Record<string, unknown> {
  const { store, clock } = ctx;
  const phase = assetTaskPhase(task, store, clock.nowMs());
  const data: Record<string, unknown> = {
    id: task.id,
    object: ASSET_TASK_OBJECT,
    model: task.model,
    status: phase.status,
    progress: phase.progress,
    ...timing(task, phase, task.reviewMs),
  };
  if (phase.finishedMs === undefined) return data;
  const assets = task.assetIds.map((id) => store.assets.get(id)).filter((a): a is AssetRecord => a !== undefined);
  const usable = assets.filter((a) => a.verdict?.ok);
  const failed = assets.filter((a) => !a.verdict?.ok);
  const result: Record<string, unknown> = {
    group_id: task.groupId,
    usable_assets: usable.map((a) => ({
      asset_id: a.id,
      asset_url: `asset://${a.id}`,
      status: "Active",
      name: a.name,
    })),
    failed_assets: failed.map((a) => ({
      asset_id: a.id,
      status: "Failed",
      name: a.name,
      reason: a.verdict && !a.verdict.ok ? a.verdict.reason : "InternalError: the asset was not reviewed",
    })),
  };
  if (assets.length === 1 && usable.length === 1) result.asset_url = `asset://${usable[0]!.id}`;
  data.result = result;
  if (failed.length > 0) {
    const messages = REVIEW_FAILED[language];
    data.error = { message: usable.length > 0 ? messages.some : messages.all };
  }
  return data;
}

export function videoFileUrls(ctx: SimContext, taskId: string): { video: string; thumbnail: string; lastFrame: string } {
  const base = `${ctx.settings.publicUrl}/files/videos/${taskId}`;
  return { video: `${base}.mp4`, thumbnail: `${base}.jpg`, lastFrame: `${base}-last-frame.png` };
}

export function renderVideoTask(task: VideoTaskRecord, ctx: SimContext, language: TaskLanguage): Record<string, unknown> {
  const phase = videoTaskPhase(task, ctx.clock.nowMs());
  const data: Record<string, unknown> = {
    id: task.id,
    model: task.model,
    status: phase.status,
    progress: phase.progress,
    ...timing(task, phase, task.videoMs),
  };
  if (phase.finishedMs === undefined) return data;
  if (phase.status === "failed" || !task.output) {
    const failure = task.renderError ?? { code: "InternalError", message: "the video could not be rendered" };
    data.error = { message: `${GENERATION_FAILED[language]}: ${failure.message}`, code: failure.code };
    return data;
  }
  const urls = videoFileUrls(ctx, task.id);
  const result: Record<string, unknown> = {
    videos: [{ url: [urls.video], expires_at: videoExpiresAt(task, phase.finishedMs) }],
    thumbnail_url: urls.thumbnail,
  };
  if (task.request.returnLastFrame && task.output.lastFrame) result.images = [{ url: urls.lastFrame }];
  data.result = result;
  return data;
}
