import { z } from "zod";
import { resolutions } from "@/lib/generation/video-rules";

/**
 * A team's prices per second of video, by model and resolution (TeamSettings.priceTable), as
 * the server reads it back. The estimate itself (lib/generation/price-table.ts) is browser-safe.
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
