import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { newPageAt, openContext, settle, type Role } from "./page-states";

const routes = ["/api-tokens", "/api-docs", "/settings/webhooks", "/settings", "/audit"];
for (const role of ["admin", "creator"] as Role[]) {
  for (const width of [390, 1280]) {
    for (const theme of ["light", "dark"] as const) {
      test(`${role} ${width} ${theme}`, async ({ browser }) => {
        test.setTimeout(180_000);
        const context = await openContext(browser, role, width, theme);
        const page = await newPageAt(context, width);
        const failures: string[] = [];
        page.on("console", (m) => { if (m.type() === "error" || m.type() === "warning") failures.push(`console: ${m.text().slice(0, 200)}`); });
        for (const route of role === "admin" ? routes : ["/api-tokens", "/api-docs"]) {
          await page.goto(route);
          await settle(page);
          const { sw, iw } = await page.evaluate(() => ({ sw: document.documentElement.scrollWidth, iw: window.innerWidth }));
          if (sw > iw) failures.push(`${route} is ${sw} wide in ${iw}`);
          const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]).analyze();
          for (const v of violations) if (v.impact === "serious" || v.impact === "critical") failures.push(`${route}: ${v.id} ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join("; ")}`);
        }
        await context.close();
        expect(failures, failures.join("\n")).toEqual([]);
      });
    }
  }
}
