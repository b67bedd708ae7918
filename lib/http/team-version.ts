import "server-only";
import { createHash } from "node:crypto";
import { readTeamVersion } from "@/lib/assets/team-counter";
import type { SessionUser } from "@/lib/auth/session";
import { sharedAnswer } from "@/lib/http/shared-answers";
import { chooseLocale, localeCookie, type Locale } from "@/lib/i18n/locales";

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
 * `load(version, locale)` as JSON with the ETag. The version is read before the page, so an
 * answer is never older than its tag (a write landing in between makes the next poll a 200,
 * never a stale 304). The language is chosen from the user and the request as the request's
 * config chooses it (lib/auth/request-language.ts), without a second read of the session:
 * an unchanged poll costs the session's one read.
 *
 * `sharedBy` says who may be given the same computed answer: "team" when the answer depends
 * only on the team and `what` (then the many tabs that ask after one write cost one
 * computation, lib/http/shared-answers.ts), or a user id when it is the user's own. Without
 * it, every 200 is computed anew.
 */
export async function answerByVersion(
  request: Request,
  user: Pick<SessionUser, "id" | "teamId" | "role"> & { teamVersion?: bigint; locale?: string | null; timeZone?: string | null },
  what: string,
  load: (version: bigint, locale: Locale) => Promise<unknown>,
  sharedBy?: "team" | string,
): Promise<Response> {
  // Read with the session's membership, at the start of this request, when it came that way.
  const version = user.teamVersion ?? (await readTeamVersion(user.teamId));
  const locale = chooseLocale(user.locale, cookieOf(request, localeCookie), request.headers.get("accept-language"));
  // The answer is worded in the request's language and dated in the user's zone: a change of either is a new answer.
  const etag = teamEtag(version, user, what, `${locale}\n${user.timeZone ?? ""}`);
  const headers = { ...revalidate, etag };
  if (matchesEtag(request, etag)) return new Response(null, { status: 304, headers });
  if (sharedBy === undefined) return Response.json(await load(version, locale), { headers });
  const key = [user.teamId, sharedBy, version, what, locale, user.timeZone ?? ""].join("\n");
  const body = await sharedAnswer(key, () => load(version, locale));
  return new Response(body, { headers: { ...headers, "content-type": "application/json" } });
}

/** One cookie of the request, by name (undefined without it). */
function cookieOf(request: Request, name: string): string | undefined {
  for (const pair of (request.headers.get("cookie") ?? "").split(";")) {
    const at = pair.indexOf("=");
    if (at > 0 && pair.slice(0, at).trim() === name) return pair.slice(at + 1).trim();
  }
  return undefined;
}
