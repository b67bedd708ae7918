import { AppError } from "@/lib/errors";
import { formatMegabytes } from "@/lib/media/describe-media";
import { inPlainTransaction, type RunSql } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";

/** How much one account and one team may upload (UPLOADS_PER_USER_PER_HOUR, TEAM_STORAGE_QUOTA_GB). */
export type UploadAllowance = { uploadsPerUserPerHour: number; teamQuotaBytes: number };

export async function uploadAllowanceFromEnv(): Promise<UploadAllowance> {
  // Read on first use, not on import: the media code is used by tools that need no settings.
  const { env } = await import("@/lib/env");
  return { uploadsPerUserPerHour: env.UPLOADS_PER_USER_PER_HOUR, teamQuotaBytes: Math.round(env.TEAM_STORAGE_QUOTA_GB * 1e9) };
}

const HOUR_MS = 60 * 60_000;

function formatStorage(bytes: number): string {
  return bytes >= 1e9 ? `${(bytes / 1e9).toFixed(bytes >= 1e10 ? 0 : 1)} GB` : formatMegabytes(bytes);
}

/** What the allowance is judged on: the user's uploads of the last hour (up to the allowance) and the team's bytes. */
export type UploadUse = { recent: number; oldest: Date | null; usedBytes: string | null };

/**
 * One statement reading the `UploadUse` of a user and team: the user's oldest uploads of the
 * last hour, up to the allowance (the first of them frees a place soonest), and the bytes the
 * team's uploads take (kept in its `TeamCounter` row by triggers on "Upload", not summed). Read
 * in PostgreSQL, so every app instance shares the count.
 */
export function uploadUseQuery(input: { teamId: string; uploaderId: string }, allowance: UploadAllowance): Prisma.Sql {
  const since = new Date(Date.now() - HOUR_MS);
  return Prisma.sql`
    SELECT COUNT(*)::int AS recent, MIN(r."createdAt") AS oldest,
           (SELECT "uploadBytes" FROM "TeamCounter" WHERE "teamId" = ${input.teamId}) AS "usedBytes"
      FROM (SELECT "createdAt" FROM "Upload"
             WHERE "uploaderId" = ${input.uploaderId} AND "createdAt" >= ${since}
             ORDER BY "createdAt" ASC LIMIT ${allowance.uploadsPerUserPerHour}) r`;
}

/**
 * The same judgement as `uploadRefusal`, as an SQL condition on a `uploadUseQuery` row named
 * `use`, for an insert that takes place only when allowed.
 */
export function uploadAllowedCondition(incomingBytes: number, allowance: UploadAllowance): Prisma.Sql {
  return Prisma.sql`use.recent < ${allowance.uploadsPerUserPerHour} AND COALESCE(use."usedBytes", 0) + ${incomingBytes} <= ${allowance.teamQuotaBytes}::bigint`;
}

/** The refusal, with the numbers, of an upload that would pass the user's hourly count or the team's storage quota; null when it fits. */
export function uploadRefusal(use: UploadUse | undefined, incomingBytes: number, allowance: UploadAllowance): AppError | null {
  const recent = use?.recent ?? 0;
  if (recent >= allowance.uploadsPerUserPerHour) {
    const freeAt = use!.oldest!.getTime() + HOUR_MS;
    const minutes = Math.max(1, Math.ceil((freeAt - Date.now()) / 60_000));
    return new AppError("RATE_LIMITED", "uploadsPerHour", { values: { count: recent, limit: allowance.uploadsPerUserPerHour, minutes } });
  }
  const usedBytes = Number(use?.usedBytes ?? 0);
  if (usedBytes + incomingBytes > allowance.teamQuotaBytes) {
    return new AppError("QUOTA_EXCEEDED", "storageFull", {
      values: { used: formatStorage(usedBytes), quota: formatStorage(allowance.teamQuotaBytes), size: formatStorage(incomingBytes) },
    });
  }
  return null;
}

/** Refuses (throws) an upload that would pass the user's hourly count or the team's storage quota, with the numbers. One plain statement. */
export async function assertUploadAllowed(
  run: RunSql,
  input: { teamId: string; uploaderId: string; incomingBytes: number },
  allowance: UploadAllowance,
): Promise<void> {
  const [use] = await run<UploadUse>(uploadUseQuery(input, allowance));
  const refusal = uploadRefusal(use, input.incomingBytes, allowance);
  if (refusal) throw refusal;
}

/**
 * Runs `work` in a transaction that holds the team's upload lock (taken with BEGIN, in one round
 * trip): one check-and-insert at a time per team. The statements in `work` see what the lock's
 * previous holder wrote.
 */
export async function withTeamUploadLock<T>(teamId: string, work: (run: RunSql) => Promise<T>): Promise<T> {
  return inPlainTransaction(work, { lockKey: `upload:${teamId}` });
}
