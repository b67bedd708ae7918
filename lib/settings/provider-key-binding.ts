/**
 * A provider key belongs to the base URL it was entered for. Two spellings of one base URL
 * compare equal (`https://X/`, `https://x/v1` and `https://x` are one); anything else is
 * another provider, which must be given its own key.
 */
export function normaliseProviderUrl(raw: string): string {
  try {
    const url = new URL(raw.trim());
    const path = url.pathname.replace(/\/+$/, "").replace(/\/v1$/, "");
    return `${url.protocol}//${url.host}${path}`.toLowerCase();
  } catch {
    return raw.trim();
  }
}

export function sameProviderUrl(a: string, b: string): boolean {
  return normaliseProviderUrl(a) === normaliseProviderUrl(b);
}

export type KeyChoice =
  | { apiKey: string; source: "team" | "environment" }
  | { apiKey: null; source: null };

/**
 * The key that may be sent to `baseUrl`: the team's saved key only if it was saved for this
 * base URL, the environment's only if `baseUrl` is the environment's own; otherwise none.
 */
export function keyForBaseUrl(
  baseUrl: string,
  saved: { apiKey: string | null; boundTo: string | null },
  environment: { baseUrl: string; apiKey: string },
): KeyChoice {
  if (saved.apiKey && sameProviderUrl(saved.boundTo ?? environment.baseUrl, baseUrl)) return { apiKey: saved.apiKey, source: "team" };
  if (sameProviderUrl(environment.baseUrl, baseUrl)) return { apiKey: environment.apiKey, source: "environment" };
  return { apiKey: null, source: null };
}
