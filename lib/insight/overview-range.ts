import { z } from "zod";

/** The Overview's window in days, kept in its URL (`/?days=30`). Browser-safe. */
export const overviewRanges = [7, 30, 90] as const;
export const overviewRangeSchema = z.coerce
  .number()
  .refine((n): n is (typeof overviewRanges)[number] => (overviewRanges as readonly number[]).includes(n))
  .catch(30);
export type OverviewRange = (typeof overviewRanges)[number];

export function parseOverviewRange(value: string | string[] | undefined): OverviewRange {
  return overviewRangeSchema.parse(Array.isArray(value) ? value[0] : value) as OverviewRange;
}
