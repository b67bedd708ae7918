import "server-only";
import { prisma } from "@/lib/db";
import { getStorage } from "@/lib/storage/get-storage";
import type { FileStorage } from "@/lib/storage/file-storage";
import { assetCardSelect, toAssetCard } from "@/lib/assets/asset-view";
import { explainFailure } from "@/lib/assets/explain-failure";
import { failureCategories, type FailureCategory } from "@/lib/assets/failure-categories";
import { requestLocale } from "@/lib/i18n/error-message";
import type { Locale } from "@/lib/i18n/locales";
import { sentencesIn } from "@/lib/i18n/sentence-in";
import { loadUserNames } from "@/lib/users/user-names";

const MAX_FAILED = 500;
const RECENT_REPLACEMENTS = 24;

/**
 * The review queue: the team's failed (REJECTED) assets, newest first, grouped by the reason
 * in plain words, and the latest resubmissions with where their review stands. Postgres only.
 */
export async function listRejectedAssets(teamId: string, options: { storage?: Pick<FileStorage, "publicUrl">; locale?: Locale } = {}) {
  const storage = options.storage ?? getStorage();
  // The reasons in the words of the request's language (or `locale`).
  const say = await sentencesIn(options.locale ?? (await requestLocale()));
  const [failed, total, recent] = await Promise.all([
    prisma.asset.findMany({
      where: { teamId, state: "REJECTED" },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: MAX_FAILED,
      select: assetCardSelect,
    }),
    prisma.asset.count({ where: { teamId, state: "REJECTED" } }),
    prisma.asset.findMany({
      where: { teamId, replacesId: { not: null } },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: RECENT_REPLACEMENTS,
      select: { ...assetCardSelect, replaces: { select: { name: true } } },
    }),
  ]);
  const names = await loadUserNames([...failed, ...recent].map((r) => r.createdById));

  const groups = new Map<FailureCategory, { category: FailureCategory; title: string; advice: string; items: ReturnType<typeof toItem>[] }>();
  function toItem(row: (typeof failed)[number]) {
    const explained = explainFailure({ code: row.failureCode, reason: row.failureReason, type: row.type });
    return {
      ...toAssetCard(row, storage, names),
      explanation: { ...explained, title: say(explained.title), explanation: say(explained.explanation), advice: say(explained.advice) },
    };
  }
  for (const row of failed) {
    const item = toItem(row);
    const { category, title, advice } = item.explanation;
    const group = groups.get(category) ?? { category, title, advice, items: [] };
    group.items.push(item);
    groups.set(category, group);
  }
  return {
    total,
    shown: failed.length,
    groups: failureCategories.flatMap((c) => (groups.has(c) ? [groups.get(c)!] : [])),
    resubmitted: recent.map((row) => ({ ...toAssetCard(row, storage, names), replacesName: row.replaces?.name ?? null })),
  };
}

export type FailedQueue = Awaited<ReturnType<typeof listRejectedAssets>>;
export type FailedQueueItem = FailedQueue["groups"][number]["items"][number];
