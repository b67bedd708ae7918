import { createEnv } from "@t3-oss/env-nextjs";
import { z } from "zod";

/**
 * The database's settings, validated apart from the rest so that the seed and the scripts
 * can reach PostgreSQL without the app's secrets. `env` in lib/env.ts includes these.
 */
export const databaseEnv = createEnv({
  server: {
    DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }),
    /** Connections each process's Prisma client may hold open. */
    DATABASE_POOL_SIZE: z.coerce.number().int().positive().max(100).default(10),
  },
  client: {},
  experimental__runtimeEnv: {},
  skipValidation: process.env.SKIP_ENV_VALIDATION === "1",
  emptyStringAsUndefined: true,
});
