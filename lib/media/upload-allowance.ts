import { AppError } from "@/lib/errors";
import { formatMegabytes } from "@/lib/media/describe-media";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";

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

type Db = Pick<PrismaClient, "upload"> | Prisma.TransactionClient;

/**
 * Refuses an upload that would pass the user's hourly count or the team's storage quota, with
 * the numbers. Counted in PostgreSQL from the stored uploads, so every app instance shares the
 * count; call it inside `withTeamUploadLock` to make check-and-insert atomic.
 */
export async function assertUploadAllowed(
  db: Db,
  input: { teamId: string; uploaderId: string; incomingBytes: number },
  allowance: UploadAllowance,
): Promise<void> {
  const since = new Date(Date.now() - HOUR_MS);
  const [recent, used] = await Promise.all([
    db.upload.findMany({
      where: { uploaderId: input.uploaderId, createdAt: { gte: since } },
      select: { createdAt: true },
      orderBy: { createdAt: "asc" },
      take: allowance.uploadsPerUserPerHour,
    }),
    db.upload.aggregate({ where: { teamId: input.teamId }, _sum: { sizeBytes: true } }),
  ]);
  if (recent.length >= allowance.uploadsPerUserPerHour) {
    const freeAt = recent[0]!.createdAt.getTime() + HOUR_MS;
    const minutes = Math.max(1, Math.ceil((freeAt - Date.now()) / 60_000));
    throw new AppError("RATE_LIMITED", "uploadsPerHour", { values: { count: recent.length, limit: allowance.uploadsPerUserPerHour, minutes } });
  }
  const usedBytes = used._sum.sizeBytes ?? 0;
  if (usedBytes + input.incomingBytes > allowance.teamQuotaBytes) {
    throw new AppError("QUOTA_EXCEEDED", "storageFull", {
      values: { used: formatStorage(usedBytes), quota: formatStorage(allowance.teamQuotaBytes), size: formatStorage(input.incomingBytes) },
    });
  }
}

/** Runs `work` in a transaction that holds the team's upload lock: one check-and-insert at a time per team. */
export async function withTeamUploadLock<T>(
  db: PrismaClient,
  teamId: string,
  work: (tx: Prisma.TransactionClient) => Promise<T>,
): Promise<T> {
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`upload:${teamId}`}))`;
    return work(tx);
  });
}
