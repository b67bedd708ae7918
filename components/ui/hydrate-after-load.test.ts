import { createElement } from "react";
import { prerenderToNodeStream } from "react-dom/static";
import { describe, expect, it, vi } from "vitest";
import { hydrateAfterLoad } from "./hydrate-after-load";

async function serverHtml(element: ReturnType<typeof createElement>): Promise<string> {
  const { prelude } = await prerenderToNodeStream(element);
  let html = "";
  for await (const chunk of prelude) html += String(chunk);
  return html;
}

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
