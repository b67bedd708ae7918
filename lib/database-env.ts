import { createEnv } from "@t3-oss/env-nextjs";
import { availableParallelism } from "node:os";
import { z } from "zod";

/**
 * Connections per process unless DATABASE_POOL_SIZE says otherwise: five per core, at least 10
 * and at most 40 (PostgreSQL's own default allows 100 in all; the app and the worker each hold a pool).
 */
export const DEFAULT_POOL_SIZE = Math.min(40, Math.max(10, availableParallelism() * 5));

/**
 * The database's settings, validated apart from the rest so that the seed and the scripts
 * can reach PostgreSQL without the app's secrets. `env` in lib/env.ts includes these.
 */
export const databaseEnv = createEnv({
  server: {
    DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }),
    /** Connections each process's Prisma client may hold open. */
    DATABASE_POOL_SIZE: z.coerce.number().int().positive().max(100).default(DEFAULT_POOL_SIZE),
  },
  client: {},
  experimental__runtimeEnv: {},
  skipValidation: process.env.SKIP_ENV_VALIDATION === "1",
  emptyStringAsUndefined: true,
});
