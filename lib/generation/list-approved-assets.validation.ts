import { z } from "zod";
import { AssetType } from "@/lib/generated/prisma/enums";

/** The Generate page's picker, as query parameters of `GET /api/approved-assets`. */
export const listApprovedAssetsQuerySchema = z.object({
  q: z
    .string()
    .trim()
    .max(200)
    .optional()
    .transform((v) => (v ? v : undefined)),
  type: z.enum(AssetType).optional().catch(undefined),
  groupId: z
    .string()
    .trim()
    .max(64)
    .optional()
    .transform((v) => (v ? v : undefined)),
  cursor: z.string().trim().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(60).catch(24).default(24),
  /** Specific assets (comma-separated ids), e.g. to show a duplicated job's references. */
  ids: z
    .string()
    .max(2000)
    .optional()
    .transform((v) => (v ? v.split(",").map((s) => s.trim()).filter(Boolean).slice(0, 50) : undefined)),
});
export type ListApprovedAssetsQuery = z.infer<typeof listApprovedAssetsQuerySchema>;
