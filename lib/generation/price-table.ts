import { z } from "zod";
import { resolutions } from "@/lib/generation/video-rules";

/**
 * A team's prices per second of video, by model and resolution (TeamSettings.priceTable).
 * Browser-safe: the Generate form estimates the cost with it as the user chooses.
 */
export const priceTableSchema = z.object({
  /** An ISO 4217 code (USD, EUR, CNY…) or a short label such as "credits". */
  currency: z.string().trim().min(1).max(12),
  perSecond: z.record(z.string().min(1).max(128), z.partialRecord(z.enum(resolutions), z.number().nonnegative().max(1_000_000))),
});
export type PriceTable = z.infer<typeof priceTableSchema>;

/** The saved JSON, or null when there is none or it cannot be read. */
export function readPriceTable(json: unknown): PriceTable | null {
  const parsed = priceTableSchema.safeParse(json);
  if (!parsed.success) return null;
  const hasPrices = Object.values(parsed.data.perSecond).some((byResolution) => Object.keys(byResolution).length > 0);
  return hasPrices ? parsed.data : null;
}

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
