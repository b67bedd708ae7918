import { Prisma } from "@/lib/generated/prisma/client";

/**
 * A video job's estimated cost in SQL, for a query over `"VideoJob" j LEFT JOIN "TeamSettings" ts`:
 * the estimate reserved when it was created, or for a job older than budgets, the team's
 * price table applied to its duration and resolution (null when there is no such price).
 */
export const jobCostSql = Prisma.sql`COALESCE(j."estimatedCost", CASE
    WHEN jsonb_typeof(ts."priceTable"->'perSecond'->j.model->(j.params->>'resolution')) = 'number'
     AND jsonb_typeof(j.params->'duration') = 'number'
    THEN (ts."priceTable"->'perSecond'->j.model->>(j.params->>'resolution'))::numeric * (j.params->>'duration')::numeric
  END)`;

/** States whose reserved spend is given back: nothing was made. */
export const releasedJobStates = ["FAILED", "CANCELLED", "SEND_FAILED"] as const;
export const releasedStatesSql = Prisma.sql`('FAILED', 'CANCELLED', 'SEND_FAILED')`;

/** States of a job that holds a place among the team's jobs running at once. */
export const runningStatesSql = Prisma.sql`('QUEUED', 'SENT', 'RUNNING', 'UNCERTAIN')`;
