import "server-only";
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { getStorage } from "@/lib/storage/get-storage";
import type { FileStorage } from "@/lib/storage/file-storage";
import { assetCardSelect, toAssetCard } from "@/lib/assets/asset-view";
import { loadUserNames } from "@/lib/users/user-names";

const HISTORY_LIMIT = 20;
const historySelect = { id: true, name: true, state: true, createdAt: true, failureReason: true, replacesId: true } as const;

/**
 * One asset for its drawer: the card, its submission, and its history (the assets it
 * replaces, and those that replace it, oldest first). The provider's raw payloads only when
 * `includeRaw` (leads and admins). Postgres only.
 */
export async function getAssetDetail(
  teamId: string,
  assetId: string,
  options: { includeRaw: boolean; storage?: Pick<FileStorage, "publicUrl"> },
) {
  const row = await prisma.asset.findFirst({
    where: { id: assetId, teamId },
    select: {
      ...assetCardSelect,
      rawItem: options.includeRaw,
      providerAssetId: true,
      updatedAt: true,
      submission: {
        select: {
          ...assetCardSelect.submission.select,
          providerTaskId: true,
          createdAt: true,
          sentAt: true,
          finishedAt: true,
          errorCode: true,
          error: true,
          createdById: true,
          rawResponse: options.includeRaw,
        },
      },
      group: { select: { ...assetCardSelect.group.select, providerGroupId: true } },
    },
  });
  if (!row) throw new AppError("NOT_FOUND", "assetNotFound");

  // Walk the chain both ways, one step at a time (chains are short).
  const earlier: { id: string; name: string; state: string; createdAt: Date; failureReason: string | null }[] = [];
  let back = row.replacesId;
  while (back && earlier.length < HISTORY_LIMIT) {
    const previous = await prisma.asset.findFirst({ where: { id: back, teamId }, select: historySelect });
    if (!previous) break;
    earlier.unshift(previous);
    back = previous.replacesId;
  }
  const later: typeof earlier = [];
  let forward = row.replacedBy?.id ?? null;
  while (forward && later.length < HISTORY_LIMIT) {
    const next = await prisma.asset.findFirst({ where: { id: forward, teamId }, select: { ...historySelect, replacedBy: { select: { id: true } } } });
    if (!next) break;
    later.push(next);
    forward = next.replacedBy?.id ?? null;
  }

  const names = await loadUserNames([row.createdById, row.submission.createdById]);
  const toStep = (a: (typeof earlier)[number]) => ({
    id: a.id,
    name: a.name,
    state: a.state,
    createdAt: a.createdAt.toISOString(),
    failureReason: a.failureReason,
  });
  return {
    asset: {
      ...toAssetCard(row, options.storage ?? getStorage(), names),
      providerAssetId: row.providerAssetId,
      updatedAt: row.updatedAt.toISOString(),
      group: { ...row.group },
    },
    submission: {
      id: row.submission.id,
      state: row.submission.state,
      providerTaskId: row.submission.providerTaskId,
      createdAt: row.submission.createdAt.toISOString(),
      sentAt: row.submission.sentAt?.toISOString() ?? null,
      finishedAt: row.submission.finishedAt?.toISOString() ?? null,
      errorCode: row.submission.errorCode,
      error: row.submission.error,
    },
    history: { replaces: earlier.map(toStep), replacedBy: later.map(toStep) },
    raw: options.includeRaw ? { item: row.rawItem ?? null, submission: row.submission.rawResponse ?? null } : null,
  };
}

export type AssetDetail = Awaited<ReturnType<typeof getAssetDetail>>;
