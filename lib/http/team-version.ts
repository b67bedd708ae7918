import "server-only";
import { createHash } from "node:crypto";
import { readTeamVersion } from "@/lib/assets/team-counter";
import type { SessionUser } from "@/lib/auth/session";
import { requestLocale } from "@/lib/i18n/error-message";

/**
 * Polled reads answered by version: the team's change counter (`TeamCounter.version`, moved
 * by triggers on every write those reads show) plus what the request asked for and who asks
 * make an ETag. A poll whose `If-None-Match` holds it gets a 304 for the price of one indexed
 * read, without the page's query; browsers turn the 304 back into the answer they kept.
 */
export const revalidate = { "cache-control": "private, no-cache" } as const;

/** A weak ETag for `what` (the route and its normalised query) as `user` sees it at `version`. */
export function teamEtag(version: bigint, user: Pick<SessionUser, "id" | "teamId" | "role">, what: string, wording = ""): string {
  const digest = createHash("sha256").update(`${user.teamId}\n${user.id}\n${user.role}\n${what}\n${wording}`).digest("base64url").slice(0, 16);
  return `W/"${version.toString(36)}-${digest}"`;
}

/** Whether the request's `If-None-Match` names this ETag (weak comparison, lists and `*` allowed). */
export function matchesEtag(request: Request, etag: string): boolean {
  const header = request.headers.get("if-none-match");
  if (!header) return false;
  if (header.trim() === "*") return true;
  const bare = (tag: string) => tag.trim().replace(/^W\//, "");
  return header.split(",").some((tag) => bare(tag) === bare(etag));
}

/**
 * Answers a polled read: 304 when the caller already holds this version of `what`, else
 * `load()` as JSON with the ETag. The version is read before the page, so an answer is never
 * older than its tag (a write landing in between makes the next poll a 200, never a stale 304).
 */
export async function answerByVersion(
  request: Request,
  user: Pick<SessionUser, "id" | "teamId" | "role"> & { teamVersion?: bigint },
  what: string,
  load: (version: bigint) => Promise<unknown>,
): Promise<Response> {
  // Read with the session's membership, at the start of this request, when it came that way.
  const version = user.teamVersion ?? (await readTeamVersion(user.teamId));
  // The answer is worded in the request's language and dated in the user's zone: a change of either is a new answer.
  const timeZone = "timeZone" in user && typeof user.timeZone === "string" ? user.timeZone : "";
  const etag = teamEtag(version, user, what, `${await requestLocale()}\n${timeZone}`);
  const headers = { ...revalidate, etag };
  if (matchesEtag(request, etag)) return new Response(null, { status: 304, headers });
  return Response.json(await load(version), { headers });
}
