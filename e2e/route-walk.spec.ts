import AxeBuilder from "@axe-core/playwright";
import { test, expect, type Page } from "@playwright/test";
import { appRoutes, isCatchAll, newPageAt, openContext, resolveRoute, roles, routesFor, settle, pageStates } from "./page-states";

// Every page of the app (read from app/**/page.tsx, so a new page is walked without editing
// this file), for each role and signed out, at 390 and 1280 px, light and dark. A page fails
// when it is wider than the viewport, logs a console error or warning (hydration mismatches
// included), throws, a request it makes fails, or axe finds a serious or critical violation
// (WCAG 2.2 AA and best practice). One walk does every check, so each page state loads once.

const routes = appRoutes();
const total = roles.reduce((n, role) => n + routesFor(role, routes).length * pageStates.length, 0);

/** What went wrong on one page, as lines for the report. */
function watch(page: Page): string[] {
  const problems: string[] = [];
  page.on("console", (msg) => {
    if (msg.type() === "error" || msg.type() === "warning") problems.push(`console ${msg.type()}: ${msg.text().slice(0, 300)}`);
  });
  page.on("pageerror", (error) => problems.push(`uncaught: ${error.message.slice(0, 300)}`));
  page.on("requestfailed", (request) => {
    const reason = request.failure()?.errorText ?? "";
    // A request the page itself dropped (a prefetch or poll cut short by the next navigation) is not a failure.
    if (reason === "net::ERR_ABORTED") return;
    problems.push(`request failed: ${request.method()} ${request.url()} (${reason})`);
  });
  page.on("response", (response) => {
    const status = response.status();
    if (status < 400) return;
    // The catch-all page answers 404 by design; its document is checked below.
    if (status === 404 && response.request().resourceType() === "document") return;
    problems.push(`HTTP ${status}: ${response.request().method()} ${response.url()}`);
  });
  return problems;
}

test.describe(`route walk: checks ${total} page states (${routes.length} routes)`, () => {
  for (const role of roles) {
    for (const { width, theme } of pageStates) {
      const own = routesFor(role, routes);
      test(`${role} at ${width} px, ${theme}: ${own.length} pages`, async ({ browser }) => {
        test.setTimeout(60_000 + own.length * 30_000);
        const context = await openContext(browser, role, width, theme);
        const failures: string[] = [];
        const page = await newPageAt(context, width);
        const problems = watch(page);
        for (const route of own) {
          const address = await resolveRoute(page, route, role);
          problems.length = 0;
          const response = await page.goto(address);
          await settle(page);
          if (isCatchAll(route)) {
            await expect(page.getByTestId("not-found-page")).toBeVisible();
          } else {
            expect(response?.status() ?? 0, `${address} answers`).toBeLessThan(400);
          }
          // In dark mode the page is really dark, in light mode really light.
          const { dark, scrollWidth, innerWidth } = await measure(page);
          expect(dark, `${address} theme`).toBe(theme === "dark");
          if (scrollWidth > innerWidth) problems.push(`page is ${scrollWidth} px wide in a ${innerWidth} px viewport: ${await widest(page)}`);
          problems.push(...(await axeProblems(page)));
          for (const p of problems) failures.push(`${route} (${address}): ${p}`);
        }
        await context.close();
        expect(failures, failures.join("\n")).toEqual([]);
      });
    }
  }
});

/** The page's theme and width, read again should the page move on by itself (a URL tidied by the page) meanwhile. */
async function measure(page: Page): Promise<{ dark: boolean; scrollWidth: number; innerWidth: number }> {
  const read = () =>
    page.evaluate(() => ({
      dark: document.documentElement.classList.contains("dark"),
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
    }));
  // A page that moved on (a redirect decided while streaming) may be a new document whose
  // parsing has not begun: no <html> yet. Read once there is one, a few times at most.
  for (let attempt = 0; ; attempt++) {
    try {
      await page.waitForFunction(() => !!document.documentElement && !!document.body, undefined, { timeout: 10_000 });
      return await read();
    } catch (error) {
      if (attempt >= 2) throw error;
      await settle(page);
    }
  }
}

/** The innermost elements that stick out past the viewport's right edge, to say what to fix. */
function widest(page: Page): Promise<string> {
  return page.evaluate(() => {
    const out = [...document.body.querySelectorAll("*")].filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1);
    const innermost = out.filter((el) => !out.some((other) => other !== el && el.contains(other)));
    return innermost
      .slice(0, 3)
      .map((el) => `<${el.tagName.toLowerCase()} class="${(el.getAttribute("class") ?? "").slice(0, 80)}"> ${(el.textContent ?? "").trim().slice(0, 40)}`)
      .join(" | ");
  });
}

const axeTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

/** axe's serious and critical violations on the page as it stands, one line each. */
async function axeProblems(page: Page): Promise<string[]> {
  const { violations } = await axe(page);
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => {
      const where = v.nodes
        .slice(0, 3)
        .map((n) => `${n.target.join(" ")}${n.failureSummary ? ` (${n.failureSummary.split("\n").slice(1, 2).join("").trim().slice(0, 140)})` : ""}`)
        .join("; ");
      return `${v.impact} ${v.id}: ${v.help} at ${where}`;
    });
}

/** axe once; again, once settled, should the page move on by itself meanwhile (a redirect decided while streaming). */
async function axe(page: Page) {
  try {
    return await new AxeBuilder({ page }).withTags(axeTags).analyze();
  } catch (error) {
    if (!String(error).includes("Execution context was destroyed")) throw error;
    await settle(page);
    return new AxeBuilder({ page }).withTags(axeTags).analyze();
  }
}
