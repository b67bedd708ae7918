import type { AssetType } from "@/lib/generated/prisma/enums";
import { proposeUniqueNames } from "@/lib/submissions/unique-names";

/** The provider takes 1 to 20 assets per request. */
export const MAX_ASSETS_PER_REQUEST = 20;

/** Requests go out images first, then videos, then audio. */
export const assetTypeOrder: readonly AssetType[] = ["IMAGE", "VIDEO", "AUDIO"];

export type RequestPlan<T> = {
  assetType: AssetType;
  /** The items of this request, each with its final (unique) name. */
  items: (T & { name: string })[];
};

/**
 * Splits one group submission into provider requests: one asset type per request, at most
 * `maxPerRequest` items each, in the order given within a type. Names are made unique across
 * the whole submission (not just within a request): the first holder of a name keeps it,
 * later ones become `name-2`, `name-3`, … within 255 characters.
 */
export function splitIntoRequests<T extends { type: AssetType; name: string }>(
  items: readonly T[],
  maxPerRequest: number = MAX_ASSETS_PER_REQUEST,
): RequestPlan<T>[] {
  if (!Number.isInteger(maxPerRequest) || maxPerRequest < 1) throw new RangeError("maxPerRequest must be a positive integer");
  const names = proposeUniqueNames(items.map((item) => item.name));
  const named = items.map((item, i) => ({ ...item, name: names[i]! }));
  const requests: RequestPlan<T>[] = [];
  for (const assetType of assetTypeOrder) {
    const ofType = named.filter((item) => item.type === assetType);
    for (let start = 0; start < ofType.length; start += maxPerRequest) {
      requests.push({ assetType, items: ofType.slice(start, start + maxPerRequest) });
    }
  }
  return requests;
}
