import { readdirSync } from "node:fs";
import path from "node:path";

/** The repository's root. */
export const root = path.resolve(import.meta.dirname, "..");

/** The TypeScript sources below `dir` (relative to the root), tests, generated code and fixtures left out. */
export function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name === "generated" || entry.name === "fixtures" || entry.name === "node_modules") continue;
      out.push(...sourceFiles(rel));
    } else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) {
      out.push(rel);
    }
  }
  return out;
}
