import type { PriceTable } from "@/lib/generation/read-price-table";
import type { resolutions } from "@/lib/generation/video-rules";

/**
 * The cost of a video by a team's price table (read on the server by read-price-table.ts).
 * Browser-safe: the Generate form estimates the cost with it as the user chooses.
 */
export type CostEstimate = { amount: number; ratePerSecond: number; currency: string };

export function estimateCost(
  table: PriceTable | null,
  choice: { model: string; resolution: (typeof resolutions)[number]; duration: number },
): CostEstimate | null {
  const rate = table?.perSecond[choice.model]?.[choice.resolution];
  if (table === null || rate === undefined || !Number.isFinite(choice.duration)) return null;
  return { amount: Math.round(rate * choice.duration * 10_000) / 10_000, ratePerSecond: rate, currency: table.currency };
}

/** "$0.60", "€1.20", or "12 credits" for a label that is not a currency code. */
export function formatMoney(amount: number, currency: string): string {
  if (/^[A-Z]{3}$/.test(currency)) {
    try {
      return new Intl.NumberFormat("en", { style: "currency", currency, maximumFractionDigits: 4 }).format(amount);
    } catch {
      // Not a code Intl knows: fall through to the plain form.
    }
  }
  return `${Number(amount.toFixed(4))} ${currency}`;
}
