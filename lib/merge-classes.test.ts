import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { twMerge } from "tailwind-merge";
import { describe, expect, it } from "vitest";
import { classGroup, mergeClasses } from "./merge-classes";

/** Every word written in a string in the app's pages and components that looks like a class. */
function classesInTheApp(): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      // Icon modules hold drawings (path data), not classes.
      if (entry.isDirectory()) {
        if (file !== path.join("components", "icons")) walk(file);
      }
      else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) files.push(file);
    }
  };
  walk("app");
  walk("components");
  const found = new Set<string>();
  for (const file of files) {
    for (const match of readFileSync(file, "utf8").matchAll(/"([^"\n]*)"|`([^`]*)`|'([^'\n]*)'/g)) {
      for (const word of (match[1] ?? match[2] ?? match[3] ?? "").split(/\s+/)) {
        if (/^[a-z0-9!@[\]:/._&>*()%#=,-]+$/i.test(word) && /[a-z]/.test(word)) found.add(word);
      }
    }
  }
  return [...found].sort();
}

describe("mergeClasses", () => {
  it("lets a later class override an earlier one of its group, with the same modifiers", () => {
    expect(mergeClasses("h-9 px-4 py-2 h-8")).toBe("px-4 py-2 h-8");
    expect(mergeClasses("px-4 py-2 p-0")).toBe("p-0");
    expect(mergeClasses("p-0 px-4")).toBe("p-0 px-4");
    expect(mergeClasses("size-9 w-full")).toBe("size-9 w-full");
    expect(mergeClasses("w-4 h-4 size-9")).toBe("size-9");
    expect(mergeClasses("text-sm text-muted-foreground text-xs")).toBe("text-muted-foreground text-xs");
    expect(mergeClasses("leading-none text-sm")).toBe("text-sm");
    expect(mergeClasses("border border-border border-2 border-destructive/40")).toBe("border-2 border-destructive/40");
    expect(mergeClasses("rounded-t-lg rounded-md")).toBe("rounded-md");
    expect(mergeClasses("hover:bg-muted bg-card hover:bg-accent")).toBe("bg-card hover:bg-accent");
    expect(mergeClasses("sm:hover:opacity-0 hover:sm:opacity-100")).toBe("hover:sm:opacity-100");
    expect(mergeClasses("block line-clamp-2")).toBe("line-clamp-2");
    expect(mergeClasses("  my-class  flex   hidden ")).toBe("my-class hidden");
    expect(mergeClasses("")).toBe("");
  });

  it("knows no group for what is not a Tailwind class", () => {
    expect(classGroup("group")).toBeUndefined();
    expect(classGroup("error-page")).toBeUndefined();
  });

  it("merges every class the app writes as tailwind-merge does, alone and in pairs", () => {
    const classes = classesInTheApp();
    expect(classes.length).toBeGreaterThan(300);
    // Which words are classes at all: a class is taken once, a word that is not is left twice.
    const known = classes.filter((c) => twMerge(`${c} ${c}`) === c);
    expect(classes.filter((c) => mergeClasses(`${c} ${c}`) !== twMerge(`${c} ${c}`))).toEqual([]);
    const differing: string[] = [];
    for (const a of known) {
      for (const b of known) {
        const list = `${a} ${b}`;
        if (a !== b && mergeClasses(list) !== twMerge(list)) differing.push(`${list} → ${mergeClasses(list)}, not ${twMerge(list)}`);
      }
    }
    expect(differing.slice(0, 40)).toEqual([]);
  });
});
