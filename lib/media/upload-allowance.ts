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

/**
 * Refuses an upload that would pass the user's hourly count or the team's storage quota, with
 * the numbers. Counted in PostgreSQL from the stored uploads, in one plain statement (every
 * upload asks this twice), so every app instance shares the count; run it inside
 * `withTeamUploadLock` to make check-and-insert atomic.
 */
export async function assertUploadAllowed(
  run: RunSql,
  input: { teamId: string; uploaderId: string; incomingBytes: number },
  allowance: UploadAllowance,
): Promise<void> {
  const since = new Date(Date.now() - HOUR_MS);
  // The user's oldest uploads of the last hour, up to the allowance (the first of them frees a
  // place soonest), and the bytes the team's uploads take.
  const [use] = await run<{ recent: number; oldest: Date | null; usedBytes: string | null }>(Prisma.sql`
    SELECT COUNT(*)::int AS recent, MIN(r."createdAt") AS oldest,
           (SELECT SUM("sizeBytes") FROM "Upload" WHERE "teamId" = ${input.teamId}) AS "usedBytes"
      FROM (SELECT "createdAt" FROM "Upload"
             WHERE "uploaderId" = ${input.uploaderId} AND "createdAt" >= ${since}
             ORDER BY "createdAt" ASC LIMIT ${allowance.uploadsPerUserPerHour}) r`);
  const recent = use?.recent ?? 0;
  if (recent >= allowance.uploadsPerUserPerHour) {
    const freeAt = use!.oldest!.getTime() + HOUR_MS;
    const minutes = Math.max(1, Math.ceil((freeAt - Date.now()) / 60_000));
    throw new AppError("RATE_LIMITED", "uploadsPerHour", { values: { count: recent, limit: allowance.uploadsPerUserPerHour, minutes } });
  }
  const usedBytes = Number(use?.usedBytes ?? 0);
  if (usedBytes + input.incomingBytes > allowance.teamQuotaBytes) {
    throw new AppError("QUOTA_EXCEEDED", "storageFull", {
      values: { used: formatStorage(usedBytes), quota: formatStorage(allowance.teamQuotaBytes), size: formatStorage(input.incomingBytes) },
    });
  }
}

/** Runs `work` in a transaction that holds the team's upload lock: one check-and-insert at a time per team. */
export async function withTeamUploadLock<T>(teamId: string, work: (run: RunSql) => Promise<T>): Promise<T> {
  return inPlainTransaction(async (run) => {
    // Its own statement: the ones after it see what the lock's previous holder wrote.
    await run(Prisma.sql`SELECT pg_advisory_xact_lock(hashtext(${`upload:${teamId}`}))`);
    return work(run);
  });
}
