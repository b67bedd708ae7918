import "server-only";
import type { z } from "zod";
import type { ApiSubmission, listSubmissionsQuerySchema } from "@/lib/api-v1/api-schemas";
import { decodeCursor, encodeCursor } from "@/lib/assets/gallery-filters";
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { requestLocale } from "@/lib/i18n/error-message";
import type { Sentence } from "@/lib/i18n/sentence";
import { sentencesIn } from "@/lib/i18n/sentence-in";
import { storedSentence } from "@/lib/i18n/stored-sentence";

const submissionSelect = {
  id: true,
  state: true,
  assetType: true,
  projectName: true,
  providerTaskId: true,
  progress: true,
  errorCode: true,
  error: true,
  errorValues: true,
  createdAt: true,
  sentAt: true,
  finishedAt: true,
  group: { select: { id: true, name: true, providerGroupId: true } },
  assets: { select: { id: true, name: true, state: true, assetUrl: true }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
} as const satisfies Prisma.SubmissionSelect;

type Row = Prisma.SubmissionGetPayload<{ select: typeof submissionSelect }>;

function toApiSubmission(row: Row, say: (s: Sentence) => string): ApiSubmission {
  const failure = storedSentence(row);
  return {
    id: row.id,
    state: row.state,
    assetType: row.assetType,
    projectName: row.projectName,
    group: row.group,
    providerTaskId: row.providerTaskId,
    progress: row.progress,
    error: failure ? { code: row.errorCode, message: say(failure) } : null,
    createdAt: row.createdAt.toISOString(),
    sentAt: row.sentAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
    assets: row.assets,
  };
}

/** One page of the team's submissions (provider requests), newest first, by keyset on (createdAt, id). */
export async function listApiSubmissions(teamId: string, query: z.output<typeof listSubmissionsQuerySchema>) {
  const cursor = query.cursor ? decodeCursor(query.cursor) : null;
  if (query.cursor && !cursor) throw new AppError("INVALID_INPUT", "cursorInvalid");
  const where: Prisma.SubmissionWhereInput = { teamId, ...(query.state ? { state: query.state } : {}), ...(query.group ? { groupId: query.group } : {}) };
  const rows = await prisma.submission.findMany({
    where: cursor ? { AND: [where, { OR: [{ createdAt: { lt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { lt: cursor.id } }] }] } : where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
    select: submissionSelect,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const say = await sentencesIn(await requestLocale(), "errors");
  return { items: page.map((row) => toApiSubmission(row, say)), nextCursor: rows.length > query.limit && last ? encodeCursor({ createdAt: last.createdAt, id: last.id }) : null };
}

export async function getApiSubmission(teamId: string, submissionId: string) {
  const row = await prisma.submission.findFirst({ where: { id: submissionId, teamId }, select: submissionSelect });
  if (!row) throw new AppError("NOT_FOUND", "submissionNotFoundInTeam");
  return toApiSubmission(row, await sentencesIn(await requestLocale(), "errors"));
}

/** The submissions a submit wrote, in the order it answered them. */
export async function getApiSubmissions(teamId: string, ids: readonly string[]) {
  const rows = await prisma.submission.findMany({ where: { teamId, id: { in: [...ids] } }, select: submissionSelect });
  const say = await sentencesIn(await requestLocale(), "errors");
  const byId = new Map(rows.map((r) => [r.id, toApiSubmission(r, say)]));
  return ids.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
}
