import type { SimContext } from "../context";
import { HttpError, notFound } from "../http-error";
import type { Reply } from "../reply";
import { videoExpiresAt, videoTaskPhase } from "../task-view";

const FILE_PATTERN = /^\/files\/videos\/(task_[0-9A-Z]{26})(\.mp4|\.jpg|-last-frame\.png)$/;

const CONTENT_TYPES: Record<string, string> = { ".mp4": "video/mp4", ".jpg": "image/jpeg", "-last-frame.png": "image/png" };

type ByteRange = { start: number; end: number } | "unsatisfiable" | undefined;

/** One `bytes=` range; several ranges or a malformed header are answered with the whole file. */
export function parseRange(header: string | undefined, size: number): ByteRange {
  if (!header) return undefined;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match) return undefined;
  const [, startText = "", endText = ""] = match;
  if (startText === "" && endText === "") return undefined;
  if (startText === "") {
    const suffix = Number(endText);
    if (suffix === 0) return "unsatisfiable";
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(startText);
  const end = endText === "" ? size - 1 : Math.min(Number(endText), size - 1);
  if (start >= size || start > end) return "unsatisfiable";
  return { start, end };
}

/** `GET|HEAD /files/videos/{task}.mp4|.jpg|-last-frame.png`: public links that expire. */
export async function serveFile(ctx: SimContext, method: string, pathname: string, rangeHeader: string | undefined): Promise<Reply> {
  const match = FILE_PATTERN.exec(pathname);
  if (!match) throw notFound("no such file", "file_not_found");
  const [, taskId = "", suffix = ""] = match;
  const task = ctx.store.tasks.get(taskId);
  if (!task || task.kind !== "video" || !task.output) throw notFound("no such file", "file_not_found");
  const phase = videoTaskPhase(task, ctx.clock.nowMs());
  if (phase.status !== "completed" || phase.finishedMs === undefined) throw notFound("no such file", "file_not_found");
  if (ctx.clock.nowSeconds() > videoExpiresAt(task, phase.finishedMs)) throw notFound("this link has expired", "file_expired");
  const key = suffix === ".mp4" ? task.output.video : suffix === ".jpg" ? task.output.thumbnail : task.output.lastFrame;
  const data = key ? await ctx.blobs.get(key) : undefined;
  if (!data) throw notFound("no such file", "file_not_found");

  const headers: Record<string, string> = {
    "content-type": CONTENT_TYPES[suffix] ?? "application/octet-stream",
    "accept-ranges": "bytes",
    "cache-control": "private, max-age=3600",
    "access-control-allow-origin": "*",
  };
  const range = parseRange(rangeHeader, data.length);
  if (range === "unsatisfiable") {
    throw new HttpError(416, "the requested range is not satisfiable", {
      code: "range_not_satisfiable",
      headers: { "content-range": `bytes */${data.length}` },
    });
  }
  const status = range ? 206 : 200;
  const body = range ? data.subarray(range.start, range.end + 1) : data;
  if (range) headers["content-range"] = `bytes ${range.start}-${range.end}/${data.length}`;
  headers["content-length"] = String(body.length);
  return { status, headers, body: method === "HEAD" ? Buffer.alloc(0) : body };
}
