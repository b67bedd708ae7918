import type { Prisma } from "@/lib/generated/prisma/client";
import { prisma } from "@/lib/db";

type Db = Pick<typeof prisma, "auditEvent">;

export type AuditInput = {
  teamId: string;
  actorId: string | null;
  action: string;
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
  const actorIds = [...new Set(events.map((e) => e.actorId).filter((id): id is string => !!id))];
  const actors = await prisma.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, email: true, name: true } });
  const byId = new Map(actors.map((a) => [a.id, a]));
  return events.map((e) => ({ ...e, actor: e.actorId ? (byId.get(e.actorId) ?? null) : null }));
}
