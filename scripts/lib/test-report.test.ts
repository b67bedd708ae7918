import { describe, expect, it } from "vitest";
import { playwrightFailures, vitestFailures } from "./test-report";

describe("vitestFailures", () => {
  it("names each failed test with its file and first error line, and a file that failed to load", () => {
    const report = {
      testResults: [
        {
          name: "/repo/lib/a.test.ts",
          status: "failed",
          assertionResults: [
            { fullName: "a does b", status: "failed", failureMessages: ["\nAssertionError: expected 1 to be 2\n    at x"] },
            { fullName: "a does c", status: "passed" },
          ],
        },
        { name: "/repo/lib/b.test.ts", status: "failed", message: "Error: Cannot find module 'z'\nstack", assertionResults: [] },
        { name: "/repo/lib/c.test.ts", status: "passed", assertionResults: [{ fullName: "c", status: "passed" }] },
      ],
    };
    expect(vitestFailures(report, "/repo")).toEqual([
      "lib/a.test.ts › a does b: AssertionError: expected 1 to be 2",
      "lib/b.test.ts: Error: Cannot find module 'z'",
    ]);
  });
});

describe("playwrightFailures", () => {
  it("names each unexpected result by its file, describes and title, and leaves out flaky and passed ones", () => {
    const suites = [
      {
        title: "upload.spec.ts",
        specs: [
          { title: "drops files", tests: [{ status: "unexpected", results: [{ error: { message: "first try" } }, { error: { message: "Timed out 5000ms\nmore" } }] }] },
          { title: "retries", tests: [{ status: "flaky" }] },
        ],
        suites: [{ title: "without JavaScript", specs: [{ title: "posts the form", tests: [{ status: "unexpected", results: [{ errors: [{ message: "Error: locator not found" }] }] }, { status: "expected" }] }] }],
      },
    ];
    expect(playwrightFailures(suites)).toEqual(["upload.spec.ts › drops files: Timed out 5000ms", "upload.spec.ts › without JavaScript › posts the form: Error: locator not found"]);
  });
});
