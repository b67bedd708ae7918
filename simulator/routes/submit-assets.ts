import type { SimContext } from "../context";
import { badRequest } from "../http-error";
import { newAssetId, newGroupId, newTaskId } from "../ids";
import { withIdempotency } from "../idempotency";
import { ASSET_TYPES, DEFAULT_MODEL, SUBMIT_LIMITS, type AssetType } from "../limits";
import { okReply, type Reply } from "../reply";
import type { ReviewRunner } from "../review";
import type { AssetRecord, AssetTaskRecord, GroupRecord } from "../state";
import { ASSET_TASK_OBJECT } from "../task-view";
import { urlProblem } from "../url-rules";
import { asObject, isPresent, optionalEnum, optionalString, requiredString } from "../validate";

interface SubmittedAsset {
  url: string;
  name: string;
}

interface SubmitRequest {
  group?: { name: string; description: string };
  groupId?: string;
  projectName: string;
  assetType: AssetType;
  assets: SubmittedAsset[];
}

function checkUrl(value: unknown, param: string, requirePublic: boolean): string {
  if (typeof value !== "string" || value.trim().length === 0) throw badRequest(`${param} is required`, param);
  if (value.length > SUBMIT_LIMITS.urlMaxLength) {
    throw badRequest(`${param} must be at most ${SUBMIT_LIMITS.urlMaxLength} characters`, param);
  }
  const problem = urlProblem(value, requirePublic);
  if (problem) throw badRequest(`${param} ${problem}`, param);
  return value;
}

export function parseSubmitRequest(body: Record<string, unknown>, requirePublic: boolean): SubmitRequest {
  const hasGroup = isPresent(body.group);
  const hasGroupId = isPresent(body.group_id);
  if (hasGroup && hasGroupId) throw badRequest("group and group_id cannot be used together", "group_id");
  const hasAssets = isPresent(body.assets);
  const hasUrl = isPresent(body.url);
  if (hasAssets && hasUrl) throw badRequest("assets and url cannot be used together; use one of them", "url");
  if (!hasAssets && !hasUrl) throw badRequest("assets is required (or url and name for a single asset)", "assets");

  const assetType = optionalEnum(body.asset_type, "asset_type", ASSET_TYPES) ?? SUBMIT_LIMITS.defaultAssetType;
  const projectName = optionalString(body.project_name, "project_name", SUBMIT_LIMITS.projectNameMaxLength);
  if (projectName !== undefined && projectName.trim().length === 0) throw badRequest("project_name must not be empty", "project_name");

  let items: { url: unknown; name: unknown; param: string }[];
  if (hasAssets) {
    if (!Array.isArray(body.assets)) throw badRequest("assets must be an array", "assets");
    items = body.assets.map((item, index) => {
      const entry = asObject(item, `assets[${index}]`);
      return { url: entry.url, name: entry.name, param: `assets[${index}]` };
    });
  } else {
    items = [{ url: body.url, name: body.name, param: "" }];
  }
  if (items.length < SUBMIT_LIMITS.minAssets || items.length > SUBMIT_LIMITS.maxAssets) {
    throw badRequest(
      `assets must contain ${SUBMIT_LIMITS.minAssets} to ${SUBMIT_LIMITS.maxAssets} items (got ${items.length})`,
      "assets",
    );
  }
  const seen = new Set<string>();
  const assets = items.map(({ url, name, param }) => {
    const prefix = param ? `${param}.` : "";
    const checkedUrl = checkUrl(url, `${prefix}url`, requirePublic);
    const checkedName = requiredString(name, `${prefix}name`, SUBMIT_LIMITS.nameMaxLength);
    if (seen.has(checkedName)) {
      throw badRequest(`${prefix}name "${checkedName}" is used twice in this request; every asset needs a unique name`, `${prefix}name`);
    }
    seen.add(checkedName);
    return { url: checkedUrl, name: checkedName };
  });

  const request: SubmitRequest = { projectName: projectName ?? SUBMIT_LIMITS.defaultProjectName, assetType, assets };
  if (hasGroup) {
    const group = asObject(body.group, "group");
    request.group = {
      name: requiredString(group.name, "group.name", SUBMIT_LIMITS.nameMaxLength),
      description: optionalString(group.description, "group.description", SUBMIT_LIMITS.descriptionMaxLength) ?? "",
    };
  }
  if (hasGroupId) request.groupId = requiredString(body.group_id, "group_id", 255);
  return request;
}

function resolveGroup(ctx: SimContext, owner: string, request: SubmitRequest): GroupRecord {
  const { store, clock } = ctx;
  if (request.groupId !== undefined) {
    const group = store.groups.get(request.groupId);
    if (!group || group.owner !== owner) throw badRequest(`group_id "${request.groupId}" does not exist`, "group_id", "group_not_found");
    return group;
  }
  const name = request.group?.name ?? "default";
  for (const group of store.groups.values()) {
    if (group.owner === owner && group.projectName === request.projectName && group.name === name) return group;
  }
  const group: GroupRecord = {
    id: newGroupId(clock.nowMs()),
    owner,
    projectName: request.projectName,
    name,
    description: request.group?.description ?? "",
    createdMs: clock.nowMs(),
  };
  store.groups.set(group.id, group);
  return group;
}

/** `POST /v1/seedance2/private-avatar` */
export function submitAssets(
  ctx: SimContext,
  review: ReviewRunner,
  owner: string,
  body: Record<string, unknown>,
  idempotencyKey: string | undefined,
): Reply {
  return withIdempotency(ctx, { owner, endpoint: "submit", key: idempotencyKey }, body, () => {
    const request = parseSubmitRequest(body, ctx.settings.requirePublicUrls);
    const { store, clock, settings } = ctx;
    const group = resolveGroup(ctx, owner, request);
    const now = clock.nowMs();
    const task: AssetTaskRecord = {
      kind: "asset",
      id: newTaskId(now),
      owner,
      model: DEFAULT_MODEL,
      createdMs: now,
      reviewMs: settings.reviewMs,
      groupId: group.id,
      projectName: group.projectName,
      assetType: request.assetType,
      assetIds: [],
      idempotencyKey,
    };
    for (const item of request.assets) {
      let id = newAssetId(now);
      while (store.assets.has(id)) id = newAssetId(now);
      const asset: AssetRecord = {
        id,
        owner,
        taskId: task.id,
        groupId: group.id,
        projectName: group.projectName,
        name: item.name,
        url: item.url,
        type: request.assetType,
      };
      store.assets.set(id, asset);
      task.assetIds.push(id);
    }
    store.tasks.set(task.id, task);
    store.changed();
    review.start(task);
    ctx.log("info", "assets submitted", { task: task.id, assets: task.assetIds.length, group: group.id });
    return {
      taskId: task.id,
      reply: okReply({ id: task.id, object: ASSET_TASK_OBJECT, status: "processing", progress: 10, model: task.model }),
    };
  });
}
