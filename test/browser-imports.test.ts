import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { root, sourceFiles } from "@/test/source-files";

/**
 * What the browser loads, checked on the source: starting from every "use client" module (and
 * instrumentation-client.ts), every module reachable through imports (static, re-exports and
 * `import()`) is bundled for the browser, except what a "use server" module imports (the
 * bundler replaces those with references) and `import type` (erased). None of them may import
 * the validation library: the server validates with zod, the browser checks with plain
 * functions the server's schemas are built on (about 36 kB gzip of every page otherwise).
 * Tests are left out.
 */

/** Packages the browser must never load. */
const serverOnlyPackages = [/^zod(\/|$)/];

/** The module specifiers a file loads at run time: `import type` and `export type` are left out. */
export function runtimeImports(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/(?:^|[;\s])(import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?["']([^"']+)["']/g)) {
    if (!m[2]) out.push(m[3]!);
  }
  for (const m of text.matchAll(/\bimport\s*\(\s*["']([^"']+)["']\s*\)/g)) out.push(m[1]!);
  return out;
}

/** `"use client"` / `"use server"` as the module's first statement. */
export function directiveOf(text: string): "client" | "server" | null {
  const m = /^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*["']use (client|server)["']/.exec(text);
  return m ? (m[1] as "client" | "server") : null;
}

function resolveLocal(specifier: string, from: string): string | null {
  let base: string;
  if (specifier.startsWith("@/")) base = specifier.slice(2);
  else if (specifier.startsWith(".")) base = path.join(path.dirname(from), specifier);
  else return null;
  for (const ext of ["", ".ts", ".tsx", "/index.ts", "/index.tsx"]) {
    const candidate = base + ext;
    const full = path.join(root, candidate);
    if (existsSync(full) && statSync(full).isFile()) return candidate;
  }
  return null;
}

export type ModuleGraph = Map<string, { directive: "client" | "server" | null; local: string[]; packages: string[] }>;

/**
 * Every package import the browser can reach, each with the chain of modules that leads to it
 * (entry first). A "use server" module is reached but not entered.
 */
export function browserPackageImports(graph: ModuleGraph, entries: string[]): { pkg: string; chain: string[] }[] {
  const found: { pkg: string; chain: string[] }[] = [];
  const seen = new Set<string>();
  const visit = (file: string, chain: string[]) => {
    if (seen.has(file)) return;
    seen.add(file);
    const node = graph.get(file);
    if (!node || node.directive === "server") return;
    for (const pkg of node.packages) found.push({ pkg, chain: [...chain, file] });
    for (const next of node.local) visit(next, [...chain, file]);
  };
  for (const entry of entries) visit(entry, []);
  return found;
}

function buildGraph(): { graph: ModuleGraph; entries: string[] } {
  const graph: ModuleGraph = new Map();
  const entries: string[] = [];
  const files = ["app", "components", "lib"].flatMap(sourceFiles);
  if (existsSync(path.join(root, "instrumentation-client.ts"))) files.push("instrumentation-client.ts");
  const pending = [...files];
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (graph.has(file)) continue;
    const text = readFileSync(path.join(root, file), "utf8");
    const local: string[] = [];
    const packages: string[] = [];
    for (const specifier of runtimeImports(text)) {
      const resolved = resolveLocal(specifier, file);
      if (resolved) {
        local.push(resolved);
        pending.push(resolved);
      } else if (!specifier.startsWith(".") && !specifier.startsWith("@/")) {
        packages.push(specifier);
      }
    }
    const directive = directiveOf(text);
    graph.set(file, { directive, local, packages });
    if (directive === "client" || file === "instrumentation-client.ts") entries.push(file);
  }
  return { graph, entries };
}

describe("browser imports", () => {
  it("reads imports and directives (the check itself works)", () => {
    const text = [
      `"use client";`,
      `import { a } from "@/lib/a";`,
      `import type { B } from "@/lib/b";`,
      `import { type C, d } from "./d";`,
      `export { e } from "../e";`,
      `export type { F } from "@/lib/f";`,
      `import "./side-effect.css";`,
      `import {`,
      `  g,`,
      `} from "zod";`,
      `const H = dynamic(() => import("@/components/h"));`,
    ].join("\n");
    expect(runtimeImports(text)).toEqual(["@/lib/a", "./d", "../e", "./side-effect.css", "zod", "@/components/h"]);
    expect(directiveOf(text)).toBe("client");
    expect(directiveOf(`// An action.\n"use server";\nimport { z } from "zod";`)).toBe("server");
    expect(directiveOf(`import { x } from "y";\n"use client";`)).toBeNull();

    const graph: ModuleGraph = new Map([
      ["app/form.tsx", { directive: "client", local: ["lib/rules.ts", "lib/save.action.ts"], packages: ["react"] }],
      ["lib/rules.ts", { directive: null, local: ["lib/schema.ts"], packages: [] }],
      ["lib/schema.ts", { directive: null, local: [], packages: ["zod"] }],
      ["lib/save.action.ts", { directive: "server", local: ["lib/other-schema.ts"], packages: ["zod"] }],
      ["lib/other-schema.ts", { directive: null, local: [], packages: ["zod/mini"] }],
    ]);
    expect(browserPackageImports(graph, ["app/form.tsx"])).toEqual([
      { pkg: "react", chain: ["app/form.tsx"] },
      { pkg: "zod", chain: ["app/form.tsx", "lib/rules.ts", "lib/schema.ts"] },
    ]);
  });

  it("never brings the validation library into the browser", () => {
    const { graph, entries } = buildGraph();
    expect(entries.length).toBeGreaterThan(20);
    const broken = browserPackageImports(graph, entries)
      .filter(({ pkg }) => serverOnlyPackages.some((pattern) => pattern.test(pkg)))
      .map(({ pkg, chain }) => `${pkg} ← ${[...chain].reverse().join(" ← ")}`);
    expect(broken).toEqual([]);
  });
});
