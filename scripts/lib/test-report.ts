/**
 * What failed, read from the JSON reports of vitest and Playwright: one line per failed test
 * (its file, its name and the first line of its error), and one per test file that failed
 * with no test failing in it (it did not load). `npm test` prints them again at its end.
 */

function firstLine(text: unknown): string {
  return String(text ?? "").split("\n").find((line) => line.trim() !== "")?.trim().slice(0, 300) ?? "";
}

export type VitestReport = {
  testResults?: {
    name: string;
    status: string;
    message?: string;
    assertionResults?: { fullName: string; status: string; failureMessages?: string[] }[];
  }[];
};

export function vitestFailures(report: VitestReport, root: string): string[] {
  const out: string[] = [];
  for (const file of report.testResults ?? []) {
    const where = file.name.startsWith(`${root}/`) ? file.name.slice(root.length + 1) : file.name;
    const failedTests = (file.assertionResults ?? []).filter((test) => test.status === "failed");
    for (const test of failedTests) out.push(`${where} › ${test.fullName}: ${firstLine(test.failureMessages?.[0])}`);
    if (file.status === "failed" && failedTests.length === 0) out.push(`${where}: ${firstLine(file.message)}`);
  }
  return out;
}

export type PlaywrightSuite = {
  title: string;
  specs?: { title: string; tests?: { status?: string; results?: { error?: { message?: string }; errors?: { message?: string }[] }[] }[] }[];
  suites?: PlaywrightSuite[];
};

export function playwrightFailures(suites: PlaywrightSuite[], trail: string[] = []): string[] {
  const out: string[] = [];
  for (const suite of suites) {
    const names = [...trail, suite.title].filter(Boolean);
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        if (test.status !== "unexpected") continue;
        const last = test.results?.at(-1);
        out.push(`${[...names, spec.title].join(" › ")}: ${firstLine(last?.error?.message ?? last?.errors?.[0]?.message)}`);
      }
    }
    out.push(...playwrightFailures(suite.suites ?? [], names));
  }
  return out;
}
