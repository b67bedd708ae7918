import { z } from "zod";

/**
 * What a token may do. `read`: list and read submissions, assets, the failed queue and video
 * jobs, and download videos. `submit`: upload files and submit assets for review. `generate`:
 * start and retry video jobs. A token never does more than its member's role allows.
 */
export const tokenScopes = ["read", "submit", "generate"] as const;
export const tokenScopeSchema = z.enum(tokenScopes);
export type TokenScope = z.infer<typeof tokenScopeSchema>;

export const tokenScopeLabels: Record<TokenScope, string> = {
  read: "Read: submissions, assets, the failed queue, video jobs, downloads",
  submit: "Submit: upload files and submit assets for review",
  generate: "Generate: start and retry video jobs",
};
