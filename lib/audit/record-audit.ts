import type { Prisma } from "@/lib/generated/prisma/client";
import { type AuditAction } from "@/lib/audit/audit-actions";
import { prisma } from "@/lib/db";
import { loadUserNames } from "@/lib/users/user-names";

type Db = Pick<typeof prisma, "auditEvent">;

export type AuditInput = {
  teamId: string;
  actorId: string | null;
  action: AuditAction;
  targetType?: string;
  targetId?: string;
  metadata?: Prisma.InputJsonValue;
};

/** Records who did what to which record. Pass a transaction client to write it atomically with the change. */
export async function recordAudit(input: AuditInput, db: Db = prisma): Promise<void> {
  await db.auditEvent.create({ data: input });
}

export async function listRecentAuditEvents(teamId: string, take = 20) {
  const events = await prisma.auditEvent.findMany({
    where: { teamId },
    orderBy: { createdAt: "desc" },
    take,
  });
  const names = await loadUserNames(events.map((e) => e.actorId));
  return events.map((e) => ({ ...e, actorName: e.actorId ? (names.get(e.actorId) ?? null) : null }));
}
