import { createEnv } from "@t3-oss/env-nextjs";
import { z } from "zod";

/**
 * The logger's settings, validated apart from the rest so that any process can log (the
 * seed, a script) without the app's secrets. `env` in lib/env.ts includes these.
 */
export const logEnv = createEnv({
  server: {
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    /** Which process a log line comes from (`app`, `worker`); set by the launchers. */
    AVATAR_STUDIO_PROCESS: z.string().min(1).default("app"),
  },
  client: {},
  experimental__runtimeEnv: {},
  skipValidation: process.env.SKIP_ENV_VALIDATION === "1",
  emptyStringAsUndefined: true,
});
