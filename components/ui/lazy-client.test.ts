import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { lazyClient } from "./lazy-client";

describe("lazyClient", () => {
  it("renders only its fallback on the server, and loads nothing there", () => {
    const load = vi.fn(() => Promise.resolve(({ name }: { name: string }) => createElement("p", null, name)));
    const Lazy = lazyClient(load, () => createElement("div", { "data-placeholder": "" }));
    expect(renderToString(createElement(Lazy, { name: "chart" }))).toBe('<div data-placeholder=""></div>');
    expect(load).not.toHaveBeenCalled();
  });

  it("renders nothing on the server without a fallback", () => {
    const Lazy = lazyClient(() => Promise.resolve(() => createElement("p", null, "drawer")));
    expect(renderToString(createElement(Lazy, {}))).toBe("");
  });
});
