import { createElement } from "react";
import { describe, expect, it, vi } from "vitest";
import { serverHtml } from "@/test/server-html";
import { DeferredFilterTabList, FilterTabPanel } from "./filter-tabs";

describe("filter tabs", () => {
  it("the server draws the tabs in full, each controlling the results' panel, which the chosen tab labels", async () => {
    const tabs = [
      { value: "all", content: "All", testId: "tab-all" },
      { value: "failed", content: "Failed", testId: "tab-failed" },
    ];
    const html = await serverHtml(
      createElement(
        "div",
        null,
        createElement(DeferredFilterTabList, { name: "jobs", label: "Status", value: "failed", tabs, onChange: vi.fn() }),
        createElement(FilterTabPanel, { name: "jobs", value: "failed", children: "the results" }),
      ),
    );
    const doc = html.replace(/<!--.*?-->/g, "");
    expect(doc).toMatch(/<div class="contents">/);
    expect(doc).toMatch(/role="tablist"[^>]*aria-label="Status"/);
    const tab = (value: string) => new RegExp(`<button[^>]*role="tab"[^>]*aria-selected="${value === "failed"}"[^>]*aria-controls="jobs-results"[^>]*id="jobs-tab-${value}"`);
    expect(doc).toMatch(tab("all"));
    expect(doc).toMatch(tab("failed"));
    expect(doc).toContain('<div role="tabpanel" id="jobs-results" aria-labelledby="jobs-tab-failed" tabindex="-1"');
    expect(doc).toContain("the results");
  });
});
