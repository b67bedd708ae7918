/**
 * What a token may do. `read`: list and read submissions, assets, the failed queue and video
 * jobs, and download videos. `submit`: upload files and submit assets for review. `generate`:
 * start and retry video jobs. A token never does more than its member's role allows. Browser-safe
 * (no validation library): the form lists these; the schema is in create-api-token.validation.ts.
 */
export const tokenScopes = ["read", "submit", "generate"] as const;
export type TokenScope = (typeof tokenScopes)[number];

export const tokenScopeLabels: Record<TokenScope, string> = {
  read: "Read: submissions, assets, the failed queue, video jobs, downloads",
  submit: "Submit: upload files and submit assets for review",
  generate: "Generate: start and retry video jobs",
};
