/**
 * The catalogue's namespaces: each is `messages/<locale>/<namespace>.json`. Adding one means a
 * line here and a file in every locale's folder (lib/i18n/catalogue.test.ts checks both).
 */
export const namespaces = [
  "apiDocs",
  "apiTokens",
  "assets",
  "audit",
  "auditEvents",
  "auth",
  "common",
  "errors",
  "failures",
  "format",
  "gallery",
  "generate",
  "insight",
  "jobs",
  "limits",
  "notifications",
  "outbound",
  "overview",
  "pages",
  "preferences",
  "review",
  "settings",
  "shell",
  "team",
  "upload",
  "validation",
  "videoFailures",
  "videoRules",
  "webhooks",
] as const;

export type Namespace = (typeof namespaces)[number];
