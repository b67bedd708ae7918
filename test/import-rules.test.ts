import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { root, sourceFiles } from "@/test/source-files";

/**
 * The layout's rules, checked on the source: domain folders in `lib/` import each other in
 * one direction only (no cycles), `lib/` never reaches into `scripts/`, `app/` or
 * `components/`, `components/` never imports `app/`, and app code never imports the simulator.
 * Tests are left out: a test may use whatever it needs.
 */

/** Every module a file imports, as a path from the repository root (no extension). */
export function importsOf(file: string, text: string): string[] {
  const specifiers = [...text.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)["']([^"']+)["']/g)].map((m) => m[1]!);
  return specifiers.flatMap((s) => {
    if (s.startsWith("@/")) return [s.slice(2)];
    if (s.startsWith(".")) return [path.join(path.dirname(file), s)];
    return [];
  });
}

/** `lib/submissions/send-submission` → `lib/submissions`; `lib/db` → `lib/db`. */
export function domainOf(modulePath: string): string | null {
  const parts = modulePath.replace(/\.tsx?$/, "").split("/");
  if (parts[0] !== "lib" || parts.length < 2) return null;
  if (parts[1] === "generated") return null;
  return `lib/${parts[1]}`;
}

/** Strongly connected groups of more than one domain (Tarjan), each a cycle to report. */
export function findCycles(edges: Map<string, Set<string>>): string[][] {
  let index = 0;
  const stack: string[] = [];
  const onStack = new Set<string>();
  const indexOf = new Map<string, number>();
  const low = new Map<string, number>();
  const cycles: string[][] = [];
  const visit = (v: string) => {
    indexOf.set(v, index);
    low.set(v, index);
    index++;
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!indexOf.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, indexOf.get(w)!));
      }
    }
    if (low.get(v) === indexOf.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1) cycles.push(group.sort());
    }
  };
  for (const v of edges.keys()) if (!indexOf.has(v)) visit(v);
  return cycles;
}

const files = ["app", "components", "lib"].flatMap(sourceFiles).map((file) => ({ file, imports: importsOf(file, readFileSync(path.join(root, file), "utf8")) }));

describe("import rules", () => {
  it("finds a cycle when there is one (the check itself works)", () => {
    const edges = new Map([
      ["lib/a", new Set(["lib/b"])],
      ["lib/b", new Set(["lib/c"])],
      ["lib/c", new Set(["lib/a"])],
      ["lib/d", new Set(["lib/a"])],
    ]);
    expect(findCycles(edges)).toEqual([["lib/a", "lib/b", "lib/c"]]);
    expect(importsOf("lib/x/y.ts", `import { a } from "./z";\nconst b = await import("@/lib/q/r");`)).toEqual(["lib/x/z", "lib/q/r"]);
  });

  it("has no import cycle between the folders of lib/", () => {
    const edges = new Map<string, Set<string>>();
    for (const { file, imports } of files) {
      const from = domainOf(file);
      if (!from) continue;
      const targets = edges.get(from) ?? new Set<string>();
      edges.set(from, targets);
      for (const target of imports.map(domainOf)) if (target && target !== from) targets.add(target);
    }
    // A top-level file (lib/db.ts, lib/safe-action.ts) is shared ground, not a domain: a loop
    // through it and one folder is allowed; a loop that joins two folders is not.
    const isFolder = (domain: string) => files.some((f) => f.file.startsWith(`${domain}/`));
    const cycles = findCycles(edges).filter((group) => group.filter(isFolder).length > 1);
    const explain = cycles.map((group) =>
      group
        .flatMap((from) => files.filter((f) => domainOf(f.file) === from).flatMap((f) => f.imports.filter((i) => group.includes(domainOf(i) ?? "") && domainOf(i) !== from).map((i) => `${f.file} → ${i}`)))
        .join("\n"),
    );
    expect(explain).toEqual([]);
  });

  it("keeps lib/ out of scripts/, app/ and components/, and components/ out of app/", () => {
    const broken = files.flatMap(({ file, imports }) =>
      imports
        .filter((i) => (file.startsWith("lib/") && /^(scripts|app|components)\//.test(i)) || (file.startsWith("components/") && i.startsWith("app/")))
        .map((i) => `${file} → ${i}`),
    );
    expect(broken).toEqual([]);
  });

  it("sends server-side requests only through the outbound guard (lib/net) or the provider adapter (lib/upstream)", () => {
    const direct = /\bfetch\s*\(|from\s+["'](?:node:)?https?["']|from\s+["']undici["']/;
    const broken = sourceFiles("lib")
      .filter((file) => !/^lib\/(net|upstream)\//.test(file))
      .filter((file) => direct.test(readFileSync(path.join(root, file), "utf8")));
    expect(broken).toEqual([]);
    // Webhook deliveries in particular: the guarded fetch, and nothing else.
    expect(readFileSync(path.join(root, "lib/webhooks/deliver-webhook.ts"), "utf8")).toMatch(/import \{ outboundFetch \} from "@\/lib\/net\/outbound-policy"/);
  });

  it("imports no devDependency from app code (a production install leaves them out); icons come from components/icons", () => {
    const { devDependencies } = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { devDependencies: Record<string, string> };
    const appFiles = ["app", "components", "lib"].flatMap(sourceFiles).filter((file) => !file.endsWith(".test-kit.ts"));
    const broken = appFiles.flatMap((file) =>
      [...readFileSync(path.join(root, file), "utf8").matchAll(/^import (?!type )[^;]*?from ["']([^"'./@][^"']*|@[^"'/]+\/[^"'/]+)[^"']*["']/gm)]
        .map((m) => m[1]!.split("/").slice(0, m[1]!.startsWith("@") ? 2 : 1).join("/"))
        .filter((pkg) => pkg in devDependencies)
        .map((pkg) => `${file} → ${pkg}`),
    );
    expect(broken).toEqual([]);
    expect(devDependencies).toHaveProperty("lucide-react");
  });

  it("never imports the simulator from app code", () => {
    const broken = files.flatMap(({ file, imports }) => imports.filter((i) => i.startsWith("simulator/")).map((i) => `${file} → ${i}`));
    expect(broken).toEqual([]);
  });
});
