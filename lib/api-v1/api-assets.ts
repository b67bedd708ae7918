import "server-only";
import type { z } from "zod";
import type { AssetCard } from "@/lib/assets/asset-view";
import { explainFailure } from "@/lib/assets/explain-failure";
import { requestLocale } from "@/lib/i18n/error-message";
import { sentencesIn } from "@/lib/i18n/sentence-in";
import { decodeCursor } from "@/lib/assets/gallery-filters";
import { getAssetDetail } from "@/lib/assets/get-asset-detail";
import { listAssets } from "@/lib/assets/list-assets";
import type { ApiAsset, failedQueueQuerySchema, listAssetsQuerySchema } from "@/lib/api-v1/api-schemas";
import { AppError } from "@/lib/errors";

/** The gallery's card as the API's stable shape. */
export function toApiAsset(card: Pick<AssetCard, "id" | "name" | "type" | "state" | "assetUrl" | "failureCode" | "failureReason" | "group" | "submission" | "fileUrl" | "thumbnailUrl" | "createdAt" | "reviewedAt">): ApiAsset {
  return {
    id: card.id,
    name: card.name,
    type: card.type,
    state: card.state,
    assetUrl: card.assetUrl,
    failure: card.failureCode || card.failureReason ? { code: card.failureCode, reason: card.failureReason } : null,
    group: { id: card.group.id, name: card.group.name, projectName: card.group.projectName },
    submissionId: card.submission.id,
    fileUrl: card.fileUrl,
    thumbnailUrl: card.thumbnailUrl,
    createdAt: card.createdAt,
    reviewedAt: card.reviewedAt,
  };
}

function cursorOf(value: string | undefined) {
  if (!value) return null;
  const cursor = decodeCursor(value);
  if (!cursor) throw new AppError("INVALID_INPUT", "cursorInvalid");
  return cursor;
}

/** One page of the team's assets through the gallery's own query (keyset on createdAt, id). */
export async function listApiAssets(teamId: string, query: z.output<typeof listAssetsQuerySchema>) {
  const page = await listAssets(
    teamId,
    { tab: query.state, type: query.type, group: query.group, project: query.project, q: query.q, from: query.from, to: query.to, who: undefined },
    { cursor: cursorOf(query.cursor), limit: query.limit, viewerId: null },
  );
  return { items: page.items.map(toApiAsset), nextCursor: page.nextCursor };
}

export async function getApiAsset(teamId: string, assetId: string) {
  const detail = await getAssetDetail(teamId, assetId, { includeRaw: false });
  return { asset: toApiAsset({ ...detail.asset, submission: { id: detail.submission.id, state: detail.submission.state } }) };
}

/** The failed queue: the team's REJECTED assets, newest first, each with its reason in plain words. */
export async function listApiFailedAssets(teamId: string, query: z.output<typeof failedQueueQuerySchema>) {
  const page = await listAssets(teamId, { tab: "failed" }, { cursor: cursorOf(query.cursor), limit: query.limit, viewerId: null });
  const say = await sentencesIn(await requestLocale());
  return {
    items: page.items.map((card) => {
      const { category, title, advice } = explainFailure({ code: card.failureCode, reason: card.failureReason, type: card.type });
      return { ...toApiAsset(card), explanation: { category, title: say(title), advice: say(advice) } };
    }),
    nextCursor: page.nextCursor,
  };
}
