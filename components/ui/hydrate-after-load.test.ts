import { createElement } from "react";
import { describe, expect, it, vi } from "vitest";
import { serverHtml } from "@/test/server-html";
import { hydrateAfterLoad } from "./hydrate-after-load";

describe("hydrateAfterLoad", () => {
  it("is drawn by the server in full (not its fallback), in a box of its own", async () => {
    const load = vi.fn(() => Promise.resolve(({ name }: { name: string }) => createElement("p", null, `radios for ${name}`)));
    const Part = hydrateAfterLoad(load, () => createElement("div", { "data-placeholder": "" }));
    const html = await serverHtml(createElement(Part, { name: "ratio" }));
    expect(html).toContain("<p>radios for ratio</p>");
    expect(html).not.toContain("data-placeholder");
    expect(html.startsWith("<div>")).toBe(true);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it("loads its code once for every render", async () => {
    const load = vi.fn(() => Promise.resolve(() => createElement("span", null, "list")));
    const Part = hydrateAfterLoad(load);
    await serverHtml(createElement(Part, {}));
    await serverHtml(createElement(Part, {}));
    expect(load).toHaveBeenCalledTimes(1);
  });
});
