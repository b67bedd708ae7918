import "server-only";
import { describeAuditEvent } from "@/lib/audit/describe-audit-event";
import { type GalleryCursor } from "@/lib/assets/gallery-filters";
import { prisma } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { type AuditFilters, auditCategories } from "@/lib/insight/audit-filters";
import { requestLocale } from "@/lib/i18n/error-message";
import type { Locale } from "@/lib/i18n/locales";
import { messageKey } from "@/lib/i18n/message-key";
import { sentencesIn } from "@/lib/i18n/sentence-in";
import { loadUserNames } from "@/lib/users/user-names";

export const AUDIT_PAGE_SIZE = 50;

export type AuditRow = {
  id: string;
  createdAt: Date;
  actorId: string | null;
  actorName: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  metadata: unknown;
  /** What happened, in the reader's words. */
  text: string;
  tone: ReturnType<typeof describeAuditEvent>["tone"];
  href?: string;
};

/**
 * One page of a team's audit events, newest first, by keyset over (createdAt, id): a page is
 * the same whatever was written after the first one was read. Days in `from`/`to` are the
 * reader's days in `timeZone`. Scoped to the team here.
 */
export async function listAuditEvents(
  teamId: string,
  filters: AuditFilters,
  options: { timeZone: string; cursor?: GalleryCursor | null; limit?: number; locale?: Locale },
): Promise<{ events: AuditRow[]; next: GalleryCursor | null }> {
  const limit = Math.min(Math.max(options.limit ?? AUDIT_PAGE_SIZE, 1), 1000);
  const tz = options.timeZone;
  const conditions: Prisma.Sql[] = [Prisma.sql`"teamId" = ${teamId}`];
  if (filters.who === "system") conditions.push(Prisma.sql`"actorId" IS NULL`);
  else if (filters.who) conditions.push(Prisma.sql`"actorId" = ${filters.who}`);
  if (filters.action && filters.action in auditCategories) conditions.push(Prisma.sql`"action" LIKE ${`${filters.action}.%`}`);
  else if (filters.action) conditions.push(Prisma.sql`"action" = ${filters.action}`);
  if (filters.from) conditions.push(Prisma.sql`"createdAt" >= ((${filters.from}::date)::timestamp AT TIME ZONE ${tz}) AT TIME ZONE 'UTC'`);
  if (filters.to) conditions.push(Prisma.sql`"createdAt" < (((${filters.to}::date + 1))::timestamp AT TIME ZONE ${tz}) AT TIME ZONE 'UTC'`);
  if (filters.target) conditions.push(Prisma.sql`("targetId" = ${filters.target} OR "targetType" = ${filters.target})`);
  if (options.cursor) {
    conditions.push(Prisma.sql`("createdAt", id) < (${options.cursor.createdAt.toISOString().replace("T", " ").replace("Z", "")}::timestamp, ${options.cursor.id})`);
  }
  const rows = await prisma.$queryRaw<{ id: string; createdAt: Date; actorId: string | null; action: string; targetType: string | null; targetId: string | null; metadata: unknown }[]>`
    SELECT id, "createdAt", "actorId", action, "targetType", "targetId", metadata
    FROM "AuditEvent"
    WHERE ${Prisma.join(conditions, " AND ")}
    ORDER BY "createdAt" DESC, id DESC
    LIMIT ${limit + 1}`;
  const page = rows.slice(0, limit);
  const names = await loadUserNames(page.map((e) => e.actorId));
  const say = await sentencesIn(options.locale ?? (await requestLocale()));
  const formerMember = say({ key: messageKey("auditEvents.formerMember") });
  const last = page.at(-1);
  return {
    events: page.map((e) => {
      const described = describeAuditEvent(e);
      return { ...e, actorName: e.actorId ? (names.get(e.actorId) ?? formerMember) : null, ...described, text: say(described.text) };
    }),
    next: rows.length > limit && last ? { createdAt: last.createdAt, id: last.id } : null,
  };
}

/** The team's members, for the "who" filter. */
export async function listAuditActors(teamId: string): Promise<{ id: string; name: string }[]> {
  const members = await prisma.membership.findMany({ where: { teamId }, select: { userId: true } });
  const names = await loadUserNames(members.map((m) => m.userId));
  return [...names.entries()].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
}
