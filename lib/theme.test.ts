import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { chooseTheme, readTheme, themeScript } from "./theme";

/** Just enough of a browser for the theme's script: <html>'s classes and style, storage, the system's theme. */
function fakeBrowser(stored: string | null, systemDark: boolean) {
  const classes = new Set<string>();
  const root = {
    classList: { add: (c: string) => classes.add(c), remove: (...cs: string[]) => cs.forEach((c) => classes.delete(c)) },
    style: { colorScheme: "" },
  };
  const store = new Map<string, string>(stored === null ? [] : [["theme", stored]]);
  const system = { matches: systemDark, listeners: [] as (() => void)[], addEventListener: (_: string, f: () => void) => system.listeners.push(f) };
  const windowListeners: ((e: { key: string | null }) => void)[] = [];
  vi.stubGlobal("document", {
    documentElement: root,
    head: { appendChild: vi.fn() },
    body: {},
    createElement: () => ({ textContent: "", remove: vi.fn() }),
  });
  vi.stubGlobal("localStorage", { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => store.set(k, v) });
  vi.stubGlobal("window", {
    matchMedia: () => system,
    addEventListener: (_: string, f: (e: { key: string | null }) => void) => windowListeners.push(f),
    getComputedStyle: () => ({ opacity: "1" }),
  });
  vi.stubGlobal("requestAnimationFrame", (f: () => void) => f());
  return {
    classes,
    root,
    store,
    /** The system switches its theme. */
    systemTurns(dark: boolean) {
      system.matches = dark;
      system.listeners.forEach((f) => f());
    },
    /** Another tab keeps a new choice. */
    otherTabChooses(value: string) {
      store.set("theme", value);
      windowListeners.forEach((f) => f({ key: "theme" }));
    },
  };
}

describe("the theme", () => {
  beforeEach(() => vi.unstubAllGlobals());
  afterEach(() => vi.unstubAllGlobals());

  it("the inline script applies the kept choice before React: dark, light, or the system's", () => {
    for (const [stored, systemDark, expected] of [
      ["dark", false, "dark"],
      ["light", true, "light"],
      ["system", true, "dark"],
      [null, false, "light"],
      ["nonsense", true, "dark"],
    ] as const) {
      const browser = fakeBrowser(stored, systemDark);
      new Function(themeScript)();
      expect([...browser.classes], `${stored}, system dark ${systemDark}`).toEqual([expected]);
      expect(browser.root.style.colorScheme).toBe(expected);
    }
  });

  it("follows the system while the choice is System, and a choice made in another tab", () => {
    const browser = fakeBrowser("system", false);
    new Function(themeScript)();
    browser.systemTurns(true);
    expect([...browser.classes]).toEqual(["dark"]);
    browser.otherTabChooses("light");
    expect([...browser.classes]).toEqual(["light"]);
    browser.systemTurns(false);
    browser.systemTurns(true);
    expect([...browser.classes]).toEqual(["light"]);
  });

  it("the menu keeps a choice and shows it at once; a missing or unknown one reads as System", () => {
    const browser = fakeBrowser(null, true);
    expect(readTheme()).toBe("system");
    chooseTheme("light");
    expect(browser.store.get("theme")).toBe("light");
    expect([...browser.classes]).toEqual(["light"]);
    expect(readTheme()).toBe("light");
    browser.store.set("theme", "sepia");
    expect(readTheme()).toBe("system");
  });
});
