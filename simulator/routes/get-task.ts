import type { SimContext } from "../context";
import { notFound } from "../http-error";
import { TASK_LANGUAGES, TASK_RETENTION_SECONDS } from "../limits";
import { okReply, type Reply } from "../reply";
import { renderAssetTask, renderVideoTask } from "../task-view";
import { optionalEnum } from "../validate";

/** `GET /v1/tasks/{id}?language=en|zh|ko|ja`: a task is visible to the key that created it, for 7 days. */
export function getTask(ctx: SimContext, owner: string, taskId: string, query: URLSearchParams): Reply {
  const language = optionalEnum(query.get("language") ?? undefined, "language", TASK_LANGUAGES) ?? "en";
  const task = ctx.store.tasks.get(taskId);
  if (!task || task.owner !== owner) throw notFound(`task "${taskId}" does not exist`, "task_not_found");
  if (ctx.clock.nowMs() - task.createdMs > TASK_RETENTION_SECONDS * 1000) {
    throw notFound(`task "${taskId}" is older than 7 days and can no longer be looked up`, "task_not_found");
  }
  return okReply(task.kind === "asset" ? renderAssetTask(task, ctx, language) : renderVideoTask(task, ctx, language));
}
