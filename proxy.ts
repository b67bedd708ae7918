import { NextResponse, type NextRequest } from "next/server";

/**
 * Sends visitors without a session cookie to sign-in, remembering where they were going,
 * and passes the path on to server layouts. The session itself is checked against the
 * database in the dashboard layout. API routes and stored files are not matched: the
 * proxy would buffer (and cut) large upload bodies.
 */
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const hasSession = request.cookies.getAll().some((c) => c.name.endsWith("authjs.session-token"));
  if (!hasSession && pathname !== "/sign-in") {
    const url = request.nextUrl.clone();
    url.pathname = "/sign-in";
    url.search = `?callbackUrl=${encodeURIComponent(pathname + search)}`;
    return NextResponse.redirect(url);
  }
  const headers = new Headers(request.headers);
  headers.set("x-pathname", pathname + search);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  matcher: ["/((?!api/|files/|_next/|favicon.ico|robots.txt|manifest.webmanifest|.*\\.(?:svg|png|ico|webp)$).*)"],
};
