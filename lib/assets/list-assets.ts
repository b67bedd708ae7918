import { prisma, readRows } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { AssetState } from "@/lib/generated/prisma/enums";
import { getStorage } from "@/lib/storage/get-storage";
import type { FileStorage } from "@/lib/storage/file-storage";
import { assetCardSelect, type CardRow, toAssetCard } from "@/lib/assets/asset-view";
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

/** A card's row as the statement returns it: the related rows as JSON, the replacement as an id, the author's name. */
type CardSqlRow = Omit<CardRow, "submission" | "replacedBy"> & {
  // JSON: a `timestamp` arrives as its UTC text without a zone.
  submission: Omit<CardRow["submission"], "nextPollAt"> & { nextPollAt: string | null };
  replacedById: string | null;
  authorName: string | null;
};

/**
 * `listAssets` as one SQL statement: the page by keyset, and for each of its rows the group,
 * submission, upload, replacement and author, in one round trip and without the query
 * builder's or the query compiler's cost (`readRows`), which every poll of every open gallery
 * pays. The related rows are subqueries by primary or unique key rather than joins: Postgres
 * plans a six-table join in several times the half millisecond it takes to run, and plans
 * this in a fraction of it. Same filters, order and keyset as `assetWhere`.
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
  if (filters.project) conditions.push(Prisma.sql`a."groupId" IN (SELECT g."id" FROM "AssetGroup" g WHERE g."teamId" = ${teamId} AND g."projectName" = ${filters.project})`);
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
           (SELECT json_build_object('id', g."id", 'name', g."name", 'projectName', g."projectName")
              FROM "AssetGroup" g WHERE g."id" = a."groupId") AS "group",
           (SELECT json_build_object('id', s."id", 'state', s."state", 'nextPollAt', s."nextPollAt", 'attempts', s."attempts")
              FROM "Submission" s WHERE s."id" = a."submissionId") AS "submission",
           (SELECT json_build_object('storageKey', up."storageKey", 'thumbnailKey', up."thumbnailKey", 'mimeType', up."mimeType", 'fileName', up."fileName",
                                     'width', up."width", 'height', up."height", 'durationMs', up."durationMs", 'sizeBytes', up."sizeBytes")
              FROM "Upload" up WHERE up."id" = a."uploadId") AS "upload",
           (SELECT r."id" FROM "Asset" r WHERE r."replacesId" = a."id") AS "replacedById",
           (SELECT COALESCE(au."name", au."email") FROM "User" au WHERE au."id" = a."createdById") AS "authorName"
      FROM "Asset" a
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
    items: rows.map((row) => {
      const nextPollAt = row.submission.nextPollAt;
      return toAssetCard(
        {
          ...row,
          submission: { ...row.submission, nextPollAt: nextPollAt === null ? null : new Date(`${nextPollAt}Z`) },
          replacedBy: row.replacedById ? { id: row.replacedById } : null,
        },
        storage,
        names,
      );
    }),
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
