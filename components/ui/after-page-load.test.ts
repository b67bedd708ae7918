import { afterEach, describe, expect, it, vi } from "vitest";
import { afterPageLoad } from "./after-page-load";

function fakePage(readyState: DocumentReadyState) {
  const window = new EventTarget();
  vi.stubGlobal("window", window);
  vi.stubGlobal("document", { readyState });
  return window;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("afterPageLoad", () => {
  it("runs at the page's load event, once", () => {
    const page = fakePage("interactive");
    const run = vi.fn();
    afterPageLoad(run);
    expect(run).not.toHaveBeenCalled();
    page.dispatchEvent(new Event("load"));
    page.dispatchEvent(new Event("load"));
    expect(run).toHaveBeenCalledTimes(1);
  });

  it("runs at once on a page that has loaded", () => {
    fakePage("complete");
    const run = vi.fn();
    afterPageLoad(run);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it("does not run once cancelled", () => {
    const page = fakePage("loading");
    const run = vi.fn();
    const cancel = afterPageLoad(run);
    cancel();
    page.dispatchEvent(new Event("load"));
    expect(run).not.toHaveBeenCalled();
  });
});
