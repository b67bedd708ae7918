import pino from "pino";
import { logEnv } from "@/lib/log-env";

/** JSON logs on stdout. Secrets are redacted wherever they appear under these keys. */
export const logger = pino({
  // `?? …`: `next build` skips validation (and so the defaults) of settings.
  level: logEnv.LOG_LEVEL ?? "info",
  base: { service: logEnv.AVATAR_STUDIO_PROCESS ?? "app" },
  redact: {
    paths: ["apiKey", "*.apiKey", "authorization", "*.authorization", "headers.authorization", "password", "*.password"],
    censor: "[redacted]",
  },
});
