import { prisma, readRows } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { AssetState, AssetType, SubmissionState } from "@/lib/generated/prisma/enums";
import { getStorage } from "@/lib/storage/get-storage";
import type { FileStorage } from "@/lib/storage/file-storage";
import { assetCardSelect, toAssetCard } from "@/lib/assets/asset-view";
import { encodeCursor, type GalleryCursor, type GalleryFilters, type GalleryTab } from "@/lib/assets/gallery-filters";
import { zonedDayRange } from "@/lib/i18n/zoned-days";
import { loadUserNames } from "@/lib/users/user-names";
import { displayName } from "@/lib/users/display-name";

export const tabStates: Record<GalleryTab, AssetState[] | null> = {
  approved: ["APPROVED"],
  in_review: ["PENDING", "IN_REVIEW"],
  failed: ["REJECTED"],
  all: null,
};

/**
 * The filters as a Prisma where, for one team. `who: "me"` means the viewer; the days of
 * `from`/`to` are the viewer's days in `timeZone`.
 */
export function assetWhere(teamId: string, filters: Omit<GalleryFilters, "tab">, viewerId: string | null, timeZone = "UTC"): Prisma.AssetWhereInput {
  const where: Prisma.AssetWhereInput = { teamId };
  if (filters.type) where.type = filters.type;
  if (filters.group) where.groupId = filters.group;
  if (filters.project) where.group = { projectName: filters.project };
  if (filters.who) where.createdById = filters.who === "me" ? (viewerId ?? "\u0000") : filters.who;
  if (filters.from || filters.to) {
    where.createdAt = zonedDayRange(filters, timeZone);
  }
  if (filters.q) where.name = { contains: filters.q, mode: "insensitive" };
  if (filters.reason) where.failureCode = filters.reason;
  return where;
}

/** The filters `listAssetsBySql` knows how to write; a page asked with any other takes the query builder's way. */
const sqlFilterKeys = new Set(["tab", "type", "group", "project", "who", "from", "to", "q", "reason"]);

/** Whether every filter given (keys without a value are not given) is one `listAssetsBySql` writes. */
export function sqlCanList(filters: GalleryFilters): boolean {
  return Object.entries(filters).every(([key, value]) => value === undefined || sqlFilterKeys.has(key));
}

/**
 * One page of the team's gallery, newest first, by keyset on (createdAt, id) so every page
 * costs the same however deep it is. Postgres only.
 */
export async function listAssets(
  teamId: string,
  filters: GalleryFilters,
  options: { cursor?: GalleryCursor | null; limit: number; viewerId: string | null; storage?: Pick<FileStorage, "publicUrl">; timeZone?: string },
) {
  if (sqlCanList(filters)) return listAssetsBySql(teamId, filters, options);
  const { tab, ...rest } = filters;
  const where = assetWhere(teamId, rest, options.viewerId, options.timeZone);
  const states = tabStates[tab];
  if (states) where.state = states.length === 1 ? states[0] : { in: states };
  const cursor = options.cursor;
  // One statement for the page and its relations (joins), beside the team's member names.
  const pageQuery = prisma.asset.findMany({
    relationLoadStrategy: "join",
    where: cursor
      ? {
          AND: [
            where,
            { OR: [{ createdAt: { lt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { lt: cursor.id } }] },
          ],
        }
      : where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: options.limit + 1,
    select: assetCardSelect,
  });
  const [page, members] = await Promise.all([pageQuery, loadTeamMemberNames(teamId)]);
  const more = page.length > options.limit;
  const rows = more ? page.slice(0, options.limit) : page;
  // Authors who have left the team are looked up apart (rare: a second query only then).
  const missing = rows.map((r) => r.createdById).filter((id): id is string => !!id && !members.has(id));
  const names = missing.length > 0 ? new Map([...members, ...(await loadUserNames(missing))]) : members;
  const storage = options.storage ?? getStorage();
  const last = rows.at(-1);
  return {
    items: rows.map((row) => toAssetCard(row, storage, names)),
    nextCursor: more && last ? encodeCursor({ createdAt: last.createdAt, id: last.id }) : null,
  };
}

export type AssetPage = Awaited<ReturnType<typeof listAssets>>;

type CardSqlRow = {
  id: string;
  name: string;
  type: AssetType;
  state: AssetState;
  assetUrl: string | null;
  failureCode: string | null;
  failureReason: string | null;
  dismissNote: string | null;
  replacesId: string | null;
  sourceUrl: string | null;
  createdAt: Date;
  reviewedAt: Date | null;
  createdById: string | null;
  groupId: string;
  groupName: string;
  projectName: string;
  submissionId: string;
  submissionState: SubmissionState;
  nextPollAt: Date | null;
  attempts: number;
  storageKey: string | null;
  thumbnailKey: string | null;
  mimeType: string | null;
  fileName: string | null;
  width: number | null;
  height: number | null;
  durationMs: number | null;
  sizeBytes: number | null;
  replacedById: string | null;
  authorName: string | null;
};

/**
 * `listAssets` as one SQL statement: the page, its group, submission, upload, replacement
 * and author by joins, in one round trip and without the query builder's or the query
 * compiler's cost (`readRows`), which every poll of every open gallery pays. Same filters, order and keyset as `assetWhere`.
 */
async function listAssetsBySql(
  teamId: string,
  filters: GalleryFilters,
  options: { cursor?: GalleryCursor | null; limit: number; viewerId: string | null; storage?: Pick<FileStorage, "publicUrl">; timeZone?: string },
) {
  const days = zonedDayRange(filters, options.timeZone ?? "UTC");
  const conditions: Prisma.Sql[] = [Prisma.sql`a."teamId" = ${teamId}`];
  const states = tabStates[filters.tab];
  if (states) conditions.push(Prisma.sql`a."state" = ANY(CAST(${states} AS "AssetState"[]))`);
  if (filters.type) conditions.push(Prisma.sql`a."type" = CAST(${filters.type} AS "AssetType")`);
  if (filters.group) conditions.push(Prisma.sql`a."groupId" = ${filters.group}`);
  if (filters.project) conditions.push(Prisma.sql`g."projectName" = ${filters.project}`);
  if (filters.who) conditions.push(Prisma.sql`a."createdById" = ${filters.who === "me" ? (options.viewerId ?? "") : filters.who}`);
  if (days.gte) conditions.push(Prisma.sql`a."createdAt" >= ${days.gte}`);
  if (days.lt) conditions.push(Prisma.sql`a."createdAt" < ${days.lt}`);
  if (filters.q) conditions.push(Prisma.sql`a."name" ILIKE ${`%${filters.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`);
  if (filters.reason) conditions.push(Prisma.sql`a."failureCode" = ${filters.reason}`);
  const cursor = options.cursor;
  if (cursor) conditions.push(Prisma.sql`(a."createdAt", a."id") < (${cursor.createdAt}, ${cursor.id})`);
  const page = await readRows<CardSqlRow>(Prisma.sql`
    SELECT a."id", a."name", a."type"::text AS "type", a."state"::text AS "state", a."assetUrl", a."failureCode", a."failureReason",
           a."dismissNote", a."replacesId", a."sourceUrl", a."createdAt", a."reviewedAt", a."createdById",
           g."id" AS "groupId", g."name" AS "groupName", g."projectName",
           s."id" AS "submissionId", s."state"::text AS "submissionState", s."nextPollAt", s."attempts",
           up."storageKey", up."thumbnailKey", up."mimeType", up."fileName", up."width", up."height", up."durationMs", up."sizeBytes",
           r."id" AS "replacedById", COALESCE(au."name", au."email") AS "authorName"
      FROM "Asset" a
      JOIN "AssetGroup" g ON g."id" = a."groupId"
      JOIN "Submission" s ON s."id" = a."submissionId"
      LEFT JOIN "Upload" up ON up."id" = a."uploadId"
      LEFT JOIN "Asset" r ON r."replacesId" = a."id"
      LEFT JOIN "User" au ON au."id" = a."createdById"
     WHERE ${Prisma.join(conditions, " AND ")}
     ORDER BY a."createdAt" DESC, a."id" DESC
     LIMIT ${options.limit + 1}`);
  const more = page.length > options.limit;
  const rows = more ? page.slice(0, options.limit) : page;
  const names = new Map<string, string>();
  for (const row of rows) if (row.createdById && row.authorName) names.set(row.createdById, row.authorName);
  const storage = options.storage ?? getStorage();
  const last = rows.at(-1);
  return {
    items: rows.map((row) =>
      toAssetCard(
        {
          ...row,
          group: { id: row.groupId, name: row.groupName, projectName: row.projectName },
          submission: { id: row.submissionId, state: row.submissionState, nextPollAt: row.nextPollAt, attempts: row.attempts },
          upload:
            row.storageKey === null
              ? null
              : {
                  storageKey: row.storageKey,
                  thumbnailKey: row.thumbnailKey,
                  mimeType: row.mimeType!,
                  fileName: row.fileName!,
                  width: row.width,
                  height: row.height,
                  durationMs: row.durationMs,
                  sizeBytes: row.sizeBytes!,
                },
          replacedBy: row.replacedById ? { id: row.replacedById } : null,
        },
        storage,
        names,
      ),
    ),
    nextCursor: more && last ? encodeCursor({ createdAt: last.createdAt, id: last.id }) : null,
  };
}

/** The display names of the team's members, by id. */
async function loadTeamMemberNames(teamId: string): Promise<Map<string, string>> {
  const members = await prisma.membership.findMany({
    relationLoadStrategy: "join",
    where: { teamId },
    select: { user: { select: { id: true, name: true, email: true } } },
  });
  return new Map(members.map((m) => [m.user.id, displayName(m.user)]));
}
