/**
 * The Content-Security-Policy of every page, with a fresh nonce per response. Next.js reads
 * the nonce from the request's Content-Security-Policy header (set by proxy.ts) and puts it
 * on its own scripts; 'strict-dynamic' lets those load the rest of the app's chunks. No
 * 'unsafe-eval' in production; `next dev` needs it for React's debugging. Styles allow
 * inline attributes (Radix positions popovers with them, sonner adds a style tag).
 * Images and media may come from our file origin and, for URL assets, any https host.
 */
export function pageContentSecurityPolicy(options: { nonce: string; dev: boolean; https: boolean; fileOrigin?: string | null }): string {
  const files = options.fileOrigin ? ` ${options.fileOrigin}` : "";
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${options.nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob: https:${files}`,
    `media-src 'self' blob: https:${files}`,
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(options.https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

/** A nonce: 16 random bytes, base64. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
