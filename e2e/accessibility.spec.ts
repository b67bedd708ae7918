import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { appRoutes, newPageAt, openContext, resolveRoute, roles, routesFor, settle, themes, widths } from "./page-states";

// axe on every page (read from app/**/page.tsx), signed out and as each role, light and dark,
// phone and desktop: no serious or critical violation.

const routes = appRoutes();
const total = roles.reduce((n, role) => n + routesFor(role, routes).length, 0) * widths.length * themes.length;

test.describe(`accessibility: axe on ${total} page states`, () => {
  test.describe.configure({ mode: "serial" });
  for (const role of roles) {
    for (const width of widths) {
      for (const theme of themes) {
        const own = routesFor(role, routes);
        test(`${role} at ${width} px, ${theme}: ${own.length} pages`, async ({ browser }) => {
          test.setTimeout(60_000 + own.length * 25_000);
          const context = await openContext(browser, role, width, theme);
          const failures: string[] = [];
          for (const route of own) {
            const page = await newPageAt(context, width);
            const address = await resolveRoute(page, route);
            await page.goto(address);
            await settle(page);
            const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]).analyze();
            for (const v of violations) {
              if (v.impact !== "serious" && v.impact !== "critical") continue;
              const where = v.nodes
                .slice(0, 3)
                .map((n) => `${n.target.join(" ")}${n.failureSummary ? ` (${n.failureSummary.split("\n").slice(1, 2).join("").trim().slice(0, 140)})` : ""}`)
                .join("; ");
              failures.push(`${route} (${address}): ${v.impact} ${v.id}: ${v.help} at ${where}`);
            }
            await page.close();
          }
          await context.close();
          expect(failures, failures.join("\n")).toEqual([]);
        });
      }
    }
  }
});
