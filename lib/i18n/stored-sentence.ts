import type { Prisma } from "@/lib/generated/prisma/client";
import type { Sentence } from "@/lib/i18n/sentence";

/**
 * A row's stored failure (`error`, `errorValues`) as a sentence to put into words; null when
 * there is none. Older rows hold the sentence itself, which is shown as it is. Browser-safe.
 */
export function storedSentence(row: { error: string | null; errorValues?: Prisma.JsonValue | null } | null | undefined): Sentence | null {
  if (!row?.error) return null;
  const values = row.errorValues && typeof row.errorValues === "object" && !Array.isArray(row.errorValues) ? row.errorValues : null;
  if (!values) return { key: row.error };
  const clean: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(values)) if (typeof value === "string" || typeof value === "number") clean[name] = value;
  return { key: row.error, values: clean };
}
