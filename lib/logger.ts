import pino from "pino";

/** JSON logs on stdout. Secrets are redacted wherever they appear under these keys. */
export const logger = pino({
  level: process.env.LOG_LEVEL ?? "info",
  base: { service: process.env.AVATAR_STUDIO_PROCESS ?? "app" },
  redact: {
    paths: ["apiKey", "*.apiKey", "authorization", "*.authorization", "headers.authorization", "password", "*.password"],
    censor: "[redacted]",
  },
});
