import { prisma } from "@/lib/db";
import { inFlightMs, unsentRules } from "@/lib/submissions/unsent-rules";

export type DueSubmission = {
  id: string;
  teamId: string;
  /** poll: look at the provider task; send: finish sending it. */
  kind: "poll" | "send";
  /** The `nextPollAt` seen now: a poll only happens if it can move exactly this value. */
  dueAt: Date | null;
  /** When the row last changed: a send's claim moves it, so a row due again after a dead claim is told apart. */
  updatedAt: Date;
};

/**
 * Submissions the worker should act on now, across all teams (the worker serves every team;
 * each handler then scopes its queries to the row's team):
 * - SENT rows whose next look is due;
 * - QUEUED rows left unsent: never tried and older than a short grace period (the request
 *   that wrote them died), or tried and silent for longer than any call can take;
 * - SEND_FAILED rows whose failure was passing (sending gave them a `nextPollAt`), under the
 *   attempt limit, once that time has come.
 */
export async function findDueSubmissions(input: { now: Date; limit: number }): Promise<DueSubmission[]> {
  const { now, limit } = input;
  const select = { id: true, teamId: true, nextPollAt: true, updatedAt: true } as const;
  const ago = (ms: number) => new Date(now.getTime() - ms);
  const [sent, unsent] = await Promise.all([
    prisma.submission.findMany({
      where: { state: "SENT", OR: [{ nextPollAt: null }, { nextPollAt: { lte: now } }] },
      orderBy: { nextPollAt: { sort: "asc", nulls: "first" } },
      take: limit,
      select,
    }),
    prisma.submission.findMany({
      where: {
        OR: [
          { state: "QUEUED", attempts: 0, updatedAt: { lte: ago(unsentRules.queuedGraceMs) } },
          { state: "QUEUED", attempts: { gt: 0 }, updatedAt: { lte: ago(inFlightMs()) } },
          { state: "SEND_FAILED", attempts: { lt: unsentRules.maxAttempts }, nextPollAt: { lte: now } },
        ],
      },
      orderBy: { updatedAt: "asc" },
      take: limit,
      select,
    }),
  ]);
  return [
    ...sent.map((s) => ({ id: s.id, teamId: s.teamId, kind: "poll" as const, dueAt: s.nextPollAt, updatedAt: s.updatedAt })),
    ...unsent.map((s) => ({ id: s.id, teamId: s.teamId, kind: "send" as const, dueAt: s.nextPollAt, updatedAt: s.updatedAt })),
  ];
}
