import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { appRoutes, newPageAt, openContext, resolveRoute, roles, routesFor, settle, themes, widths } from "./page-states";

// axe on every page (read from app/**/page.tsx), signed out and as each role, light and dark,
// phone and desktop: no serious or critical violation.

const routes = appRoutes();

/**
 * PENDING PAGE FIXES, to be removed once the page changes are merged: violations in pages
 * whose owners are changing them now, matched by route, rule and element. Nothing else is
 * ignored. Gallery cards and the Generate picker label their buttons "Open <name>" / "Pick
 * <name>" while the button also shows the status and group (WCAG 2.5.3, Label in Name).
 */
const pendingPageFixes: { route: string; rule: string; target: RegExp }[] = [
  { route: "/gallery", rule: "label-content-name-mismatch", target: /data-asset-name|aria-label="Open / },
  { route: "/generate", rule: "label-content-name-mismatch", target: /aria-label="Pick / },
];

function pending(route: string, rule: string, target: string): boolean {
  return pendingPageFixes.some((p) => p.route === route && p.rule === rule && p.target.test(target));
}
const total = roles.reduce((n, role) => n + routesFor(role, routes).length, 0) * widths.length * themes.length;

test.describe(`accessibility: axe on ${total} page states`, () => {
  for (const role of roles) {
    for (const width of widths) {
      for (const theme of themes) {
        const own = routesFor(role, routes);
        test(`${role} at ${width} px, ${theme}: ${own.length} pages`, async ({ browser }) => {
          test.setTimeout(60_000 + own.length * 25_000);
          const context = await openContext(browser, role, width, theme);
          const failures: string[] = [];
          const page = await newPageAt(context, width);
          for (const route of own) {
            const address = await resolveRoute(page, route, role);
            await page.goto(address);
            await settle(page);
            const { violations } = await axe(page);
            for (const v of violations) {
              if (v.impact !== "serious" && v.impact !== "critical") continue;
              const nodes = v.nodes.filter((n) => !pending(route, v.id, n.target.join(" ")));
              if (nodes.length === 0) continue;
              const where = nodes
                .slice(0, 3)
                .map((n) => `${n.target.join(" ")}${n.failureSummary ? ` (${n.failureSummary.split("\n").slice(1, 2).join("").trim().slice(0, 140)})` : ""}`)
                .join("; ");
              failures.push(`${route} (${address}): ${v.impact} ${v.id}: ${v.help} at ${where}`);
            }
          }
          await context.close();
          expect(failures, failures.join("\n")).toEqual([]);
        });
      }
    }
  }
});

const tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

/** axe on the page as it stands; again, once settled, should the page move on by itself meanwhile (a redirect decided while streaming). */
async function axe(page: Page) {
  try {
    return await new AxeBuilder({ page }).withTags(tags).analyze();
  } catch (error) {
    if (!String(error).includes("Execution context was destroyed")) throw error;
    await settle(page);
    return new AxeBuilder({ page }).withTags(tags).analyze();
  }
}
