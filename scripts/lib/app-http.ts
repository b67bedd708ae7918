// Talking to a running app over HTTP as a browser does, for the measuring scripts: sign-in,
// the server actions' ids from the production build and a call of one, waiting for health.
import { readFileSync } from "node:fs";
import path from "node:path";
import { root } from "./launcher";

/** The ids of the app's server actions, by exported name, from the production build's manifest (in NEXT_DIST_DIR when set, as next.config.js reads it). */
export function actionIds(): Record<string, string> {
  const distDir = process.env.NEXT_DIST_DIR || ".next";
  const manifest = JSON.parse(readFileSync(path.join(root, distDir, "server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { exportedName?: string }>;
  };
  const ids: Record<string, string> = {};
  for (const [id, entry] of Object.entries(manifest.node)) if (entry.exportedName) ids[entry.exportedName] = id;
  for (const name of ["submitAssetsAction", "createVideoJobAction"]) if (!ids[name]) throw new Error(`no server action ${name} in the build`);
  return ids;
}

/** Calls a server action as the page does (a POST to the page with its id) and returns its data. */
export async function callAction<T = unknown>(base: string, cookie: string, id: string, page: string, input: unknown): Promise<T> {
  const res = await fetch(`${base}${page}`, {
    method: "POST",
    headers: { cookie, origin: base, "next-action": id, accept: "text/x-component", "content-type": "text/plain;charset=UTF-8" },
    body: JSON.stringify([input]),
  });
  const text = await res.text();
  const row = text.split("\n").find((line) => line.startsWith("1:"));
  if (!res.ok || !row) throw new Error(`action ${id} on ${page}: HTTP ${res.status} ${text.slice(0, 300)}`);
  const result = JSON.parse(row.slice(2)) as { data?: T; serverError?: string; validationErrors?: unknown };
  if (result.data === undefined) throw new Error(`action on ${page} refused: ${JSON.stringify(result).slice(0, 300)}`);
  return result.data;
}

export async function waitForHealth(base: string) {
  for (let i = 0; i < 240; i++) {
    const ok = await fetch(`${base}/api/health`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("the app did not become healthy");
}

/** Signs in through Auth.js's credentials callback and returns the session cookie. */
export async function signIn(base: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookie = csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: base }),
  });
  const session = res.headers.getSetCookie().map((c) => c.split(";")[0]!).find((c) => c.includes("session-token"));
  if (!session) throw new Error(`sign-in failed (HTTP ${res.status})`);
  return session;
}
