import { NextResponse, type NextRequest } from "next/server";
import { newNonce, pageContentSecurityPolicy } from "@/lib/auth/content-security-policy";
import { safeReturnPath } from "@/lib/auth/safe-return-path";

function fileOrigin(): string | null {
  try {
    return process.env.PUBLIC_BASE_URL ? new URL(process.env.PUBLIC_BASE_URL).origin : null;
  } catch {
    return null;
  }
}

/**
 * Every page passes here. It gives each response a Content-Security-Policy with a fresh
 * nonce (Next.js puts it on its scripts; the root layout hands it to inline scripts of its
 * own), sends visitors without a session cookie to sign-in, remembering where they were
 * going, and passes the path on to server layouts. The session itself is checked against
 * the database in the dashboard layout. API routes and stored files are not matched (the
 * proxy would buffer, and cut, large upload bodies); next.config.js gives them their
 * security headers.
 */
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const nonce = newNonce();
  const csp = pageContentSecurityPolicy({
    nonce,
    dev: process.env.NODE_ENV === "development",
    https: request.nextUrl.protocol === "https:",
    fileOrigin: fileOrigin(),
  });
  const hasSession = request.cookies.getAll().some((c) => c.name.endsWith("authjs.session-token"));
  if (!hasSession && pathname !== "/sign-in") {
    const url = request.nextUrl.clone();
    url.pathname = "/sign-in";
    url.search = `?callbackUrl=${encodeURIComponent(safeReturnPath(pathname + search))}`;
    const response = NextResponse.redirect(url);
    response.headers.set("Content-Security-Policy", csp);
    return response;
  }
  const headers = new Headers(request.headers);
  headers.set("x-pathname", pathname + search);
  headers.set("x-nonce", nonce);
  headers.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = {
  matcher: ["/((?!api/|files/|_next/|favicon.ico|robots.txt|manifest.webmanifest|.*\\.(?:svg|png|ico|webp)$).*)"],
};
