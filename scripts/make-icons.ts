// Writes the app's icon modules (`components/icons/<name>.ts`) from Lucide's drawings in the
// lucide-react package (a devDependency). With names, it adds or rewrites those icons; without,
// it rewrites every icon the app has, e.g. after updating lucide-react.
//   npx tsx scripts/make-icons.ts Sun Loader2
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const root = path.resolve(import.meta.dirname, "..");
const lucide = path.join(root, "node_modules/lucide-react/dist/esm");
const iconsDir = path.join(root, "components/icons");

/** The file of each name lucide-react exports (names and their aliases alike). */
function lucideFiles(): Map<string, string> {
  const index = readFileSync(path.join(lucide, "lucide-react.mjs"), "utf8");
  const files = new Map<string, string>();
  for (const [, names, file] of index.matchAll(/export \{([^}]*)\} from '\.\/icons\/([^']+)\.mjs';/g)) {
    for (const [, name] of names!.matchAll(/default as (\w+)/g)) files.set(name!, file!);
  }
  return files;
}

/** `Loader2` → `loader-2`, `ImageIcon` → `image-icon`. */
export function kebab(name: string): string {
  return name
    .replace(/([a-z])([A-Z0-9])/g, "$1-$2")
    .replace(/([A-Z])([A-Z][a-z])/g, "$1-$2")
    .replace(/([0-9])([A-Za-z])/g, "$1-$2")
    .toLowerCase();
}

/** The drawing of one Lucide icon, without React keys. */
async function drawing(file: string): Promise<[string, Record<string, string>][]> {
  const module = (await import(pathToFileURL(path.join(lucide, "icons", `${file}.mjs`)).href)) as { __iconData: { node: [string, Record<string, string>][] } };
  return module.__iconData.node.map(([tag, { key: _key, ...attributes }]) => [tag, attributes]);
}

async function write(name: string, files: Map<string, string>): Promise<void> {
  const file = files.get(name);
  if (!file) throw new Error(`lucide-react has no icon named ${name}`);
  const key = (name: string) => (/^[A-Za-z_]\w*$/.test(name) ? name : JSON.stringify(name));
  const elements = (await drawing(file))
    .map(([tag, attributes]) => `  [${JSON.stringify(tag)}, { ${Object.entries(attributes).map(([k, v]) => `${key(k)}: ${JSON.stringify(v)}`).join(", ")} }],`)
    .join("\n");
  const text = `// Lucide's "${file}" (ISC licence), written by scripts/make-icons.ts.\nimport { icon } from "@/components/ui/icon";\n\nexport const ${name} = icon("${name}", [\n${elements}\n]);\n`;
  writeFileSync(path.join(iconsDir, `${kebab(name)}.ts`), text);
}

const files = lucideFiles();
const wanted = process.argv.slice(2);
const names =
  wanted.length > 0
    ? wanted
    : readdirSync(iconsDir).map((entry) => /export const (\w+) = icon/.exec(readFileSync(path.join(iconsDir, entry), "utf8"))?.[1] ?? "").filter(Boolean);
for (const name of names) await write(name, files);
console.log(`wrote ${names.length} icon${names.length === 1 ? "" : "s"} to components/icons/`);
