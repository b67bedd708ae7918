/** The origin a return path is resolved against when the caller has none at hand. */
const FALLBACK_ORIGIN = "http://avatar-studio.invalid";

// Control characters (C0, DEL, C1), any whitespace and backslashes: none belongs in a path
// we send people to, and browsers strip or reinterpret them in ways that turn `/\tx` or
// `/\x` into `//x`, which is another host.
const FORBIDDEN_RAW = /[\u0000-\u0020\u007f-\u009f\u00a0\u1680\u2000-\u200f\u2028-\u202f\u205f\u3000\ufeff\\]/;
const FORBIDDEN_DECODED = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\\]/;

/** Undoes percent-encoding until nothing changes (a few rounds), or null when it is malformed. */
function fullyDecoded(value: string): string | null {
  let current = value;
  for (let round = 0; round < 4; round++) {
    let next: string;
    try {
      next = decodeURIComponent(current);
    } catch {
      return null;
    }
    if (next === current) return current;
    current = next;
  }
  return current;
}

/**
 * Turns whatever arrives as a return path (`callbackUrl` from a query string, a form field,
 * a header; a string, a repeated parameter's array, or nothing) into a path on our own
 * origin. Anything else becomes `/`: other hosts (`//x`, `/\x`, `https://x`), other schemes
 * (`javascript:`), and their percent-encoded, whitespace and control-character variants.
 * The value is resolved with `new URL(value, origin)` and kept only when the result is
 * still on `origin`; it is returned as path + query + fragment, never as an absolute URL.
 */
export function safeReturnPath(value: unknown, origin: string = FALLBACK_ORIGIN): string {
  const raw = Array.isArray(value) ? value[0] : value;
  if (typeof raw !== "string" || raw.length === 0 || raw.length > 2048) return "/";
  if (FORBIDDEN_RAW.test(raw)) return "/";
  // Only absolute paths of our own: not `x`, `//x`, `/\x` or a scheme.
  if (!raw.startsWith("/") || raw.startsWith("//")) return "/";
  // The same rules after percent-decoding: `/%2F%2Fx`, `/%5Cx`, `/%09/x` become hosts once
  // some later step decodes them.
  const decoded = fullyDecoded(raw);
  if (decoded === null || decoded.startsWith("//") || FORBIDDEN_DECODED.test(decoded)) return "/";
  let base: URL;
  let url: URL;
  try {
    base = new URL(origin);
    url = new URL(raw, base);
  } catch {
    return "/";
  }
  if (url.origin !== base.origin) return "/";
  return `${url.pathname}${url.search}${url.hash}` || "/";
}
