import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { locales } from "@/lib/i18n/locales";
import { namespaces } from "@/lib/i18n/namespaces";

/**
 * The catalogues against the code. Keys are used in four ways, all found here by reading the
 * source: `t("key")` (also `t.rich`, `t.markup`, `t.has`) on a translator bound to a namespace
 * (`const t = useTranslations("gallery")` or `getTranslations("gallery")`); `t(\`prefix.${x}\`)`,
 * which uses every key under the prefix (a translator passed in as a parameter names its namespace
 * in a comment, `// translator t: format`); an AppError's key (`new AppError("CODE", "key")`, in
 * `errors`); and `messageKey("validation.nameRequired")` (lib/i18n/message-key.ts), for a whole key
 * kept in a table or a schema.
 */
const root = path.resolve(import.meta.dirname, "../..");
const sourceDirs = ["app", "components", "lib"];

type Catalogue = Record<string, string>;

function flatten(value: unknown, prefix: string, out: Catalogue): Catalogue {
  if (typeof value === "string") out[prefix] = value;
  else if (value && typeof value === "object") for (const [key, inner] of Object.entries(value)) flatten(inner, prefix ? `${prefix}.${key}` : key, out);
  return out;
}

function loadCatalogue(locale: string): Catalogue {
  const out: Catalogue = {};
  for (const namespace of namespaces) flatten(JSON.parse(readFileSync(path.join(root, "messages", locale, `${namespace}.json`), "utf8")), namespace, out);
  return out;
}

function sourceFiles(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) {
      if (entry !== "generated" && entry !== "node_modules") files.push(...sourceFiles(full));
    } else if (/\.(ts|tsx)$/.test(entry) && !/\.test\.tsx?$/.test(entry)) files.push(full);
  }
  return files;
}

type Use = { key: string; file: string; prefix: boolean };

function usesIn(file: string): Use[] {
  const text = readFileSync(file, "utf8");
  const rel = path.relative(root, file);
  const uses: Use[] = [];
  const bound = new Map<string, string | null>();
  for (const match of text.matchAll(/(?:const|let)\s+(\w+)\s*=\s*(?:await\s+)?(?:useTranslations|getTranslations)\(\s*(?:"(\w+)"|\{[^}]*namespace:\s*"(\w+)"[^}]*\})?\s*\)/g)) {
    bound.set(match[1]!, match[2] ?? match[3] ?? null);
  }
  // A translator that arrives as a parameter says its namespace in a comment: `// translator t: format`.
  for (const match of text.matchAll(/\/\/ translator (\w+): (\w+)/g)) bound.set(match[1]!, match[2]!);
  for (const [name, namespace] of bound) {
    const call = new RegExp(`\\b${name}(?:\\.(?:rich|markup|has|raw))?\\(\\s*(?:"([\\w.]+)"|\`([\\w.]*)\\$\\{)`, "g");
    for (const match of text.matchAll(call)) {
      const key = match[1] ?? match[2]!;
      const full = namespace ? `${namespace}.${key}` : key;
      uses.push({ key: full, file: rel, prefix: !match[1] });
    }
  }
  for (const match of text.matchAll(/new AppError\(\s*"\w+",\s*"(\w+)"/g)) uses.push({ key: `errors.${match[1]}`, file: rel, prefix: false });
  for (const match of text.matchAll(/messageKey\(\s*"([\w.]+)"\s*\)/g)) uses.push({ key: match[1]!, file: rel, prefix: false });
  return uses;
}

function argumentNames(message: string): string[] {
  const names = new Set<string>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const element of elements) {
      if ("value" in element && element.type !== TYPE.literal) names.add(String(element.value));
      if (element.type === TYPE.plural || element.type === TYPE.select) for (const option of Object.values(element.options)) walk(option.value);
      if (element.type === TYPE.tag) {
        names.add(`<${element.value}>`);
        walk(element.children);
      }
    }
  };
  walk(parse(message));
  return [...names].sort();
}

/** Names that stay as they are in every language. */
const names = ["Avatar Studio", "Seedance 2.0", "Seedance", "OpenAPI", "JSON", "CSV", "API", "URL", "HTTPS", "HMAC", "SHA-256", "asset://"];

const catalogues = Object.fromEntries(locales.map((locale) => [locale, loadCatalogue(locale)]));
const english = catalogues.en!;
const knownKeys = new Set(Object.keys(english));
const uses = sourceDirs.flatMap((dir) => sourceFiles(path.join(root, dir))).flatMap((file) => usesIn(file));

describe("message catalogues", () => {
  it("have one file per namespace in every language", () => {
    for (const locale of locales) {
      const files = readdirSync(path.join(root, "messages", locale)).map((file) => file.replace(/\.json$/, "")).sort();
      expect(files, locale).toEqual([...namespaces].sort());
    }
  });

  it("hold the same keys, with the same placeholders, in every language", () => {
    for (const locale of locales) {
      const catalogue = catalogues[locale]!;
      expect(Object.keys(catalogue).sort(), `${locale} keys`).toEqual(Object.keys(english).sort());
      for (const [key, message] of Object.entries(catalogue)) {
        expect(argumentNames(message), `${locale} ${key}`).toEqual(argumentNames(english[key]!));
      }
    }
  });

  it("hold no empty message and no untranslated English in Chinese", () => {
    const zh = catalogues.zh!;
    for (const [key, message] of Object.entries(english)) {
      expect(message.trim(), key).not.toBe("");
      const chinese = zh[key]!;
      // A Chinese message may equal the English only when it has no words to translate: names,
      // placeholders and units.
      if (chinese === message) {
        const words = names.reduce((rest, name) => rest.replaceAll(name, ""), message.replace(/\{[^}]*\}/g, ""));
        expect(/[A-Za-z]{3,}/.test(words), `zh ${key} is still English: ${message}`).toBe(false);
      }
    }
  });

  it("have every key the code uses", () => {
    const missing = uses
      .filter((use) => (use.prefix ? ![...knownKeys].some((key) => key.startsWith(use.key)) : !knownKeys.has(use.key)))
      .map((use) => `${use.file}: ${use.key}`);
    expect(missing).toEqual([]);
  });

  it("have no key the code does not use", () => {
    const exact = new Set(uses.filter((use) => !use.prefix).map((use) => use.key));
    const prefixes = uses.filter((use) => use.prefix).map((use) => use.key);
    const unused = [...knownKeys].filter((key) => !exact.has(key) && !prefixes.some((prefix) => key.startsWith(prefix)));
    expect(unused).toEqual([]);
  });
});
