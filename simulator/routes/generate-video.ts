import type { SimContext } from "../context";
import { badRequest, HttpError } from "../http-error";
import { newTaskId } from "../ids";
import { withIdempotency } from "../idempotency";
import { DEFAULT_MODEL, GENERATION_LIMITS, SUBMIT_LIMITS, type AssetType } from "../limits";
import { okReply, type Reply } from "../reply";
import type { GenerationRequest, ReferenceRecord, VideoTaskRecord } from "../state";
import { assetStatus, videoTaskPhase } from "../task-view";
import { urlProblem } from "../url-rules";
import type { VideoRenderer } from "../video";
import {
  asObject,
  optionalArray,
  optionalBoolean,
  optionalEnum,
  optionalInteger,
  optionalString,
} from "../validate";

const ASSET_PREFIX = /^asset:\/\//i;
const TYPE_OF_KIND: Record<ReferenceRecord["kind"], AssetType> = { image: "Image", video: "Video", audio: "Audio" };

/** Checks one reference URL; `asset://` references must exist, be this key's, match the slot and be Active. */
function checkReference(ctx: SimContext, owner: string, value: unknown, param: string, kind: ReferenceRecord["kind"]): string {
  if (typeof value !== "string" || value.trim().length === 0) throw badRequest(`${param} must be a non-empty string`, param);
  if (value.length > SUBMIT_LIMITS.urlMaxLength) {
    throw badRequest(`${param} must be at most ${SUBMIT_LIMITS.urlMaxLength} characters`, param);
  }
  if (ASSET_PREFIX.test(value)) {
    const id = value.replace(ASSET_PREFIX, "").toLowerCase();
    const asset = ctx.store.assets.get(id);
    if (!asset || asset.owner !== owner) throw badRequest(`${param}: asset "${id}" does not exist`, param, "asset_not_found");
    if (asset.type !== TYPE_OF_KIND[kind]) {
      throw badRequest(`${param}: asset "${id}" is ${asset.type === "Image" ? "an" : "a"} ${asset.type} asset, not ${kind}`, param);
    }
    const status = assetStatus(asset, ctx.store, ctx.clock.nowMs());
    if (status !== "Active") {
      throw badRequest(`${param}: asset "${id}" is not Active (its status is ${status})`, param, "asset_not_active");
    }
    return `asset://${id}`;
  }
  const problem = urlProblem(value, ctx.settings.requirePublicUrls);
  if (problem) throw badRequest(`${param} ${problem}`, param);
  return value;
}

export function parseGenerationRequest(ctx: SimContext, owner: string, body: Record<string, unknown>): GenerationRequest {
  const L = GENERATION_LIMITS;
  const model = optionalString(body.model, "model", 128);
  const prompt = optionalString(body.prompt, "prompt", L.promptMaxLength) ?? "";
  const duration = optionalInteger(body.duration, "duration", L.minDuration, L.maxDuration) ?? L.defaultDuration;
  const size = optionalEnum(body.size, "size", L.sizes) ?? L.defaultSize;
  const resolution = optionalEnum(body.resolution, "resolution", L.resolutions) ?? L.defaultResolution;
  const seed = optionalInteger(body.seed, "seed", -1, 4294967295);
  const generateAudio = optionalBoolean(body.generate_audio, "generate_audio") ?? true;
  const returnLastFrame = optionalBoolean(body.return_last_frame, "return_last_frame") ?? false;

  const imageUrls = optionalArray(body.image_urls, "image_urls", L.maxImageUrls);
  const imageWithRoles = optionalArray(body.image_with_roles, "image_with_roles", L.maxImageUrls);
  const videoUrls = optionalArray(body.video_urls, "video_urls", L.maxVideoUrls) ?? [];
  const audioUrls = optionalArray(body.audio_urls, "audio_urls", L.maxAudioUrls) ?? [];
  if (imageUrls && imageWithRoles) {
    throw badRequest("image_urls and image_with_roles cannot be used together", "image_with_roles");
  }

  const references: ReferenceRecord[] = [];
  for (const [index, value] of (imageUrls ?? []).entries()) {
    references.push({ kind: "image", url: checkReference(ctx, owner, value, `image_urls[${index}]`, "image") });
  }
  let firstFrames = 0;
  let lastFrames = 0;
  for (const [index, value] of (imageWithRoles ?? []).entries()) {
    const param = `image_with_roles[${index}]`;
    const entry = asObject(value, param);
    const role = optionalEnum(entry.role, `${param}.role`, L.roles);
    if (!role) throw badRequest(`${param}.role is required (${L.roles.join(", ")})`, `${param}.role`);
    if (role === "first_frame") firstFrames += 1;
    if (role === "last_frame") lastFrames += 1;
    references.push({ kind: "image", role, url: checkReference(ctx, owner, entry.url, `${param}.url`, "image") });
  }
  if (firstFrames > 1 || lastFrames > 1) {
    throw badRequest("image_with_roles accepts at most one first_frame and one last_frame", "image_with_roles");
  }
  const usesFrames = firstFrames + lastFrames > 0;
  if (usesFrames && (videoUrls.length > 0 || audioUrls.length > 0)) {
    throw badRequest("first_frame and last_frame images cannot be combined with video_urls or audio_urls", "image_with_roles");
  }
  for (const [index, value] of videoUrls.entries()) {
    references.push({ kind: "video", url: checkReference(ctx, owner, value, `video_urls[${index}]`, "video") });
  }
  for (const [index, value] of audioUrls.entries()) {
    references.push({ kind: "audio", url: checkReference(ctx, owner, value, `audio_urls[${index}]`, "audio") });
  }
  if (audioUrls.length > 0 && !references.some((r) => r.kind === "image" || r.kind === "video")) {
    throw badRequest("audio_urls need at least one image or video reference", "audio_urls");
  }
  if (references.length > L.maxReferences) {
    throw badRequest(`at most ${L.maxReferences} references are accepted in all (got ${references.length})`, "image_urls");
  }
  if (references.length === 0 && prompt.trim().length === 0) {
    throw badRequest("prompt is required when no reference is given", "prompt");
  }

  const request: GenerationRequest = {
    model: model && model.trim() ? model : DEFAULT_MODEL,
    prompt,
    duration,
    size,
    resolution,
    generateAudio,
    returnLastFrame,
    references,
  };
  if (seed !== undefined) request.seed = seed;
  return request;
}

/** `POST /v1/videos/generations` */
export function generateVideo(
  ctx: SimContext,
  renderer: VideoRenderer,
  owner: string,
  body: Record<string, unknown>,
  idempotencyKey: string | undefined,
): Reply {
  return withIdempotency(ctx, { owner, endpoint: "video", key: idempotencyKey }, body, () => {
    const request = parseGenerationRequest(ctx, owner, body);
    const { store, clock, settings } = ctx;
    const now = clock.nowMs();
    let queued = 0;
    for (const task of store.tasks.values()) {
      if (task.kind === "video" && task.owner === owner && videoTaskPhase(task, now).finishedMs === undefined) queued += 1;
    }
    if (queued >= GENERATION_LIMITS.maxQueuedTasks) {
      throw new HttpError(429, `at most ${GENERATION_LIMITS.maxQueuedTasks} generation tasks may be queued per account`, {
        code: "too_many_queued_tasks",
        headers: { "retry-after": "5" },
      });
    }
    const task: VideoTaskRecord = {
      kind: "video",
      id: newTaskId(now),
      owner,
      model: request.model,
      createdMs: now,
      videoMs: settings.videoMs,
      ttlSeconds: settings.videoTtlSeconds,
      request,
      idempotencyKey,
    };
    store.tasks.set(task.id, task);
    store.changed();
    renderer.start(task);
    ctx.log("info", "video generation submitted", { task: task.id, references: request.references.length });
    return { taskId: task.id, reply: okReply([{ status: "submitted", task_id: task.id }]) };
  });
}
