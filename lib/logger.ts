import pino from "pino";
import { logEnv } from "@/lib/log-env";

/** JSON logs on stdout. Secrets are redacted wherever they appear under these keys. */
export const logger = pino({
  level: logEnv.LOG_LEVEL,
  base: { service: logEnv.AVATAR_STUDIO_PROCESS },
  redact: {
    paths: ["apiKey", "*.apiKey", "authorization", "*.authorization", "headers.authorization", "password", "*.password"],
    censor: "[redacted]",
  },
});
