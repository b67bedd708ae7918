import { createGuardedFetch, type GuardedFetch, type GuardedFetchOptions, type OutboundPolicy } from "@/lib/net/guarded-fetch";

/** `host` or `host:port` of a URL, lower case, as policy entries are written. */
function hostEntry(raw: string): string | null {
  try {
    const url = new URL(raw);
    const port = url.port || (url.protocol === "https:" ? "443" : "80");
    return `${url.hostname.toLowerCase()}:${port}`;
  } catch {
    return null;
  }
}

/**
 * The operator's outbound policy:
 * - OUTBOUND_ALLOW_PRIVATE=1 allows loopback and private targets everywhere (a provider or
 *   file host inside the operator's own network);
 * - OUTBOUND_ALLOWED_HOSTS names hosts (`host` or `host:port`) whose private addresses are allowed;
 * - the environment's UPSTREAM_BASE_URL host is allowed by construction: the operator set it,
 *   and the bundled simulator (which `npm run dev` and the tests start on loopback) lives there,
 *   together with the video files it serves.
 * Link-local (cloud metadata), unspecified, multicast and broadcast addresses stay refused.
 */
export async function outboundPolicy(): Promise<OutboundPolicy> {
  // Read when the first request is made, not when this module loads: modules that only
  // might fetch (the worker's steps) can be imported before the settings are in place.
  const { env } = await import("@/lib/env");
  const listed = (env.OUTBOUND_ALLOWED_HOSTS ?? "")
    .split(",")
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  const upstream = hostEntry(env.UPSTREAM_BASE_URL);
  return { allowPrivate: env.OUTBOUND_ALLOW_PRIVATE, allowedHosts: upstream ? [...listed, upstream] : listed };
}

/** A guarded fetch under the operator's policy (see lib/net/guarded-fetch.ts). */
export function outboundFetch(options: Omit<GuardedFetchOptions, "policy"> = {}): GuardedFetch {
  return createGuardedFetch({ ...options, policy: outboundPolicy });
}
