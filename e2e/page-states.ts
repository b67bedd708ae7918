// The app's pages, read from the app directory, and the states the app-wide browser tests
// open each one in: every role (and signed out), phone and desktop widths, light and dark.
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { type Browser, type BrowserContext, type Page, expect } from "@playwright/test";
import { demo, signIn } from "./helpers";

export type Role = "signed-out" | keyof typeof demo;
export type Theme = "light" | "dark";
export const roles: Role[] = ["signed-out", "creator", "lead", "admin"];
export const widths = [390, 1280] as const;
export const themes: Theme[] = ["light", "dark"];

/** The width and theme pairs every role is walked in: phone and desktop, light and dark. */
export const pageStates = widths.flatMap((width) => themes.map((theme) => ({ width, theme })));

/** Every `page.tsx` under app/, as its route pattern: `/jobs/[id]`, `/[...missing]`. */
export function appRoutes(appDir = path.join(process.cwd(), "app")): string[] {
  const routes: string[] = [];
  const walk = (dir: string, segments: string[]) => {
    for (const name of readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) {
        if (name.startsWith("_") || name.startsWith("@")) continue;
        // Route groups (`(dashboard)`) are not part of the address.
        walk(full, /^\(.*\)$/.test(name) ? segments : [...segments, name]);
      } else if (/^page\.(tsx|ts|jsx|js)$/.test(name)) {
        routes.push(`/${segments.join("/")}`);
      }
    }
  };
  walk(appDir, []);
  return routes;
}

/** Pages outside the dashboard, open without a session. */
const publicRoutes = new Set(["/sign-in"]);

/** The routes a role is walked through (a signed-in role sees sign-in only as a redirect). */
export function routesFor(role: Role, routes = appRoutes()): string[] {
  return role === "signed-out" ? routes.filter((r) => publicRoutes.has(r)) : routes.filter((r) => !publicRoutes.has(r));
}

/** A catch-all page stands for every unknown address: walked at one that matches nothing else. */
export function isCatchAll(route: string): boolean {
  return /\[\.\.\.[^\]]+\]|\[\[\.\.\.[^\]]+\]\]/.test(route);
}

/**
 * A route pattern turned into an address of a real record: a dynamic segment takes the id of
 * the first link to `<parent>/<id>` on its parent page (the seeded records are listed there);
 * a catch-all takes a path nothing else matches.
 */
const resolved = new Map<string, string>();

export async function resolveRoute(page: Page, route: string, role: Role): Promise<string> {
  if (isCatchAll(route)) return route.replace(/\[\[?\.\.\.[^\]]+\]\]?/, "no-such-page/anywhere");
  if (!route.includes("[")) return route;
  const key = `${role} ${route}`;
  const known = resolved.get(key);
  if (known) return known;
  const address = await resolveFromParent(page, route);
  resolved.set(key, address);
  return address;
}

async function resolveFromParent(page: Page, route: string): Promise<string> {
  let resolved = "";
  for (const segment of route.split("/").filter(Boolean)) {
    if (!/^\[.+\]$/.test(segment)) {
      resolved += `/${segment}`;
      continue;
    }
    const parent = resolved || "/";
    await page.goto(parent);
    const prefix = `${resolved}/`;
    const link = page.locator(`a[href^="${prefix}"]`).first();
    await expect(link, `a link to ${route} on ${parent}, from a seeded record`).toBeAttached({ timeout: 20_000 });
    const href = (await link.getAttribute("href"))!;
    resolved += `/${href.slice(prefix.length).split(/[/?#]/)[0]}`;
  }
  return resolved || "/";
}

/** A browser context for a role, width and theme (signed in at desktop width, where the sidebar shows who it is). */
export async function openContext(browser: Browser, role: Role, width: number, theme: Theme): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme: theme });
  await context.addInitScript((t) => window.localStorage.setItem("theme", t), theme);
  if (role !== "signed-out") {
    const page = await context.newPage();
    await signIn(page, demo[role]);
    await page.close();
  }
  context.on("page", (p) => void p.setViewportSize({ width, height: width < 600 ? 844 : 800 }));
  return context;
}

export async function newPageAt(context: BrowserContext, width: number): Promise<Page> {
  const page = await context.newPage();
  await page.setViewportSize({ width, height: width < 600 ? 844 : 800 });
  return page;
}

/** Waits until the page has settled: loaded, no requests for a moment, fonts in. */
export async function settle(page: Page): Promise<void> {
  // A page may move on by itself once (a redirect decided while streaming, e.g. to /forbidden): settle again there.
  for (let attempt = 0; ; attempt++) {
    try {
      await page.waitForLoadState("load");
      await page.waitForLoadState("networkidle", { timeout: 2_500 }).catch(() => {});
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      return;
    } catch (error) {
      if (attempt >= 2 || !String(error).includes("Execution context was destroyed")) throw error;
    }
  }
}
