import { z } from "zod";
import { auditActions } from "@/lib/audit/audit-actions";

/**
 * The Audit page's filters as kept in its URL (`/audit?who=…&action=video_job&from=2026-12-01`),
 * shared by the page and the CSV export. Browser-safe; anything malformed is dropped.
 */
export const auditCategories = {
  assets: "Submissions of assets",
  review: "Review and repairs",
  submission: "Requests to the provider",
  member: "Team members",
  settings: "Settings",
  budget: "Budgets",
  video_job: "Video jobs",
  api_token: "API tokens",
  webhook: "Webhooks",
} as const;
export type AuditCategory = keyof typeof auditCategories;

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)));

export const auditFiltersSchema = z.object({
  /** A member's user id, or "system" for what the app did by itself. */
  who: z.string().trim().regex(/^[A-Za-z0-9_-]{1,64}$/).optional().catch(undefined),
  /** One action ("video_job.failed") or a whole category ("video_job"). */
  action: z
    .string()
    .refine((v) => (auditActions as readonly string[]).includes(v) || v in auditCategories)
    .optional()
    .catch(undefined),
  /** On or after this day, in the reader's time zone. */
  from: day.optional().catch(undefined),
  /** On or before this day, in the reader's time zone. */
  to: day.optional().catch(undefined),
  /** A record's id, or a kind of record ("video_job", "asset", "membership"). */
  target: z.string().trim().regex(/^[A-Za-z0-9_.:-]{1,128}$/).optional().catch(undefined),
});
export type AuditFilters = z.infer<typeof auditFiltersSchema>;
export const auditFilterKeys = ["who", "action", "from", "to", "target"] as const;

type ParamSource = URLSearchParams | Record<string, string | string[] | undefined>;

export function parseAuditFilters(source: ParamSource): AuditFilters {
  const raw: Record<string, string | undefined> = {};
  for (const key of auditFilterKeys) {
    const value = source instanceof URLSearchParams ? source.get(key) : source[key];
    raw[key] = (Array.isArray(value) ? value[0] : value) || undefined;
  }
  return auditFiltersSchema.parse(raw);
}

export function auditFiltersToSearchParams(filters: AuditFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of auditFilterKeys) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  return params;
}
