/**
 * Tailwind class merging for `cn()`: a later class wins over an earlier one of the same kind
 * (`"h-9 px-4" + "h-8"` → `"px-4 h-8"`), as tailwind-merge does, in about a tenth of its size
 * (it sat on every page's first load). The rules below are tailwind-merge's own (its class
 * groups and which groups override which), written out for the utilities this app uses and
 * their near kin; a class it does not know is kept as it is, as tailwind-merge keeps a class
 * it does not know. `merge-classes.test.ts` checks every pair of classes written in the app
 * against tailwind-merge (a devDependency), so a class that needs a rule here fails there.
 */

// Value shapes (tailwind-merge's validators, loosely: the app writes valid classes).
const arbitrary = /^\[.+\]$|^\(.+\)$/;
const length = /^\[(?:length:|(?:\d|\.\d|calc|min|max|clamp|var\(--))/;
const tshirt = /^(?:\d*(?:xs|sm|md|lg|xl)|base)$/;

type Rule = (value: string) => string | undefined;

const SIDES = "(x|y|s|e|t|r|b|l|bs|be)";

/** Class groups whose class is one word (or a word with a fixed suffix). */
const WORDS: Record<string, string> = {};
const words = (group: string, list: string) => {
  for (const w of list.split(" ")) WORDS[w] = group;
};
words("display", "block inline-block inline flex inline-flex table inline-table table-caption table-cell table-column table-column-group table-footer-group table-header-group table-row-group table-row flow-root grid inline-grid contents list-item hidden");
words("position", "static fixed absolute relative sticky");
words("visibility", "visible invisible collapse");
words("sr", "sr-only not-sr-only");
words("text-overflow", "truncate text-ellipsis text-clip");
words("text-transform", "uppercase lowercase capitalize normal-case");
words("font-style", "italic not-italic");
words("font-smoothing", "antialiased subpixel-antialiased");
words("fvn-spacing", "proportional-nums tabular-nums");
words("fvn-figure", "lining-nums oldstyle-nums");
words("fvn-normal", "normal-nums");
words("text-decoration", "underline overline line-through no-underline");
words("isolation", "isolate isolation-auto");
words("grow", "grow");
words("shrink", "shrink");
words("border-w", "border");
words("rounded", "rounded");
words("shadow", "shadow");
words("ring-w", "ring");
words("ring-w-inset", "ring-inset");
words("transition", "transition");
words("blur", "blur");
words("backdrop-blur", "backdrop-blur");
words("outline-style", "outline-none outline-hidden");
words("outline-w", "outline");
words("divide-x", "divide-x");
words("divide-y", "divide-y");
words("box", "box-border box-content");
words("resize", "resize");
words("break", "break-normal break-words break-all break-keep");
words("divide-x-reverse", "divide-x-reverse");
words("divide-y-reverse", "divide-y-reverse");
words("space-x-reverse", "space-x-reverse");
words("space-y-reverse", "space-y-reverse");
words("container", "container");
words("container-type", "@container @container-normal");

const oneOf = (list: string) => new RegExp(`^(?:${list.replaceAll(" ", "|")})$`);
const alignWords = oneOf("baseline top middle bottom text-top text-bottom sub super");
const textAlign = oneOf("left center right justify start end");
const textWrap = oneOf("wrap nowrap balance pretty");
const fontWeight = oneOf("thin extralight light normal medium semibold bold extrabold black \\d+");
const fontFamily = oneOf("sans serif mono");
const borderStyle = oneOf("solid dashed dotted double hidden none");
const objectFit = oneOf("contain cover fill none scale-down");
const flexDirection = oneOf("row row-reverse col col-reverse");
const flexWrap = oneOf("wrap wrap-reverse nowrap");
const bgSize = oneOf("auto cover contain");
const bgPosition = oneOf("top bottom left right center left-top left-bottom right-top right-bottom top-left top-right bottom-left bottom-right");
const shadowSize = oneOf("2xs xs sm md lg xl 2xl none inner");
const blurSize = oneOf("none xs sm md lg xl 2xl 3xl");
const whitespace = oneOf("normal nowrap pre pre-line pre-wrap break-spaces");
const isNumber = /^\d+(?:\.\d+)?$/;
const alignContent = oneOf("normal center start end between around evenly baseline stretch");
/** A position or size on the spacing scale: a number, a fraction, a keyword or an arbitrary value. */
const spacing: Rule = (v) => (/^(?:\d+(?:\.\d+)?|\d+\/\d+|auto|full|px|screen|dvh|svh|lvh|dvw|svw|lvw|min|max|fit|none|\d?xs|\d?xl|sm|md|lg|prose)$/.test(v) || arbitrary.test(v) ? "" : undefined);

/** Class groups by prefix (the class minus its value). */
const PREFIXES: Record<string, Rule> = {
  text: (v) =>
    tshirt.test(v) || length.test(v) ? "font-size" : textAlign.test(v) ? "text-alignment" : textWrap.test(v) ? "text-wrap" : "text-color",
  font: (v) => (fontWeight.test(v) ? "font-weight" : fontFamily.test(v) ? "font-family" : arbitrary.test(v) ? "font-weight" : "font-family"),
  align: (v) => (alignWords.test(v) || arbitrary.test(v) ? "vertical-align" : undefined),
  whitespace: (v) => (whitespace.test(v) ? "whitespace" : undefined),
  bg: (v) =>
    bgSize.test(v) ? "bg-size" : bgPosition.test(v) ? "bg-position" : v === "none" || v.startsWith("linear") ? "bg-image" : "bg-color",
  border: (v) =>
    isNumber.test(v) || length.test(v) ? "border-w" : borderStyle.test(v) ? "border-style" : v === "collapse" || v === "separate" ? "border-collapse" : "border-color",
  ring: (v) => (isNumber.test(v) || length.test(v) ? "ring-w" : "ring-color"),
  "ring-offset": (v) => (isNumber.test(v) || length.test(v) ? "ring-offset-w" : "ring-offset-color"),
  outline: (v) => (isNumber.test(v) || length.test(v) ? "outline-w" : borderStyle.test(v) ? "outline-style" : "outline-color"),
  shadow: (v) => (shadowSize.test(v) || arbitrary.test(v) ? "shadow" : "shadow-color"),
  flex: (v) => (flexDirection.test(v) ? "flex-direction" : flexWrap.test(v) ? "flex-wrap" : "flex"),
  col: (v) => (v.startsWith("span-") || v === "auto" ? "col-start-end" : undefined),
  row: (v) => (v.startsWith("span-") || v === "auto" ? "row-start-end" : undefined),
  items: () => "align-items",
  justify: (v) => (v.startsWith("items-") ? "justify-items" : v.startsWith("self-") ? "justify-self" : "justify-content"),
  content: (v) => (arbitrary.test(v) || v === "none" ? "content" : alignContent.test(v) ? "align-content" : undefined),
  self: () => "align-self",
  place: (v) => (v.startsWith("items-") ? "place-items" : v.startsWith("self-") ? "place-self" : "place-content"),
  divide: (v) => (borderStyle.test(v) ? "divide-style" : "divide-color"),
  object: (v) => (objectFit.test(v) ? "object-fit" : "object-position"),
  blur: (v) => (blurSize.test(v) || arbitrary.test(v) ? "blur" : undefined),
  "backdrop-blur": (v) => (blurSize.test(v) || arbitrary.test(v) ? "backdrop-blur" : undefined),
  decoration: () => "text-decoration-color",
  list: (v) => (v === "inside" || v === "outside" ? "list-position" : "list-style-type"),
  stroke: (v) => (isNumber.test(v) ? "stroke-w" : "stroke"),
  caret: () => "caret-color",
  table: (v) => (v === "auto" || v === "fixed" ? "table-layout" : undefined),
  wrap: (v) => (v === "break-word" || v === "anywhere" || v === "normal" ? "wrap" : undefined),
};
/** Prefixes that are their own group, whatever the value (`w-4`, `opacity-50`). */
const OWN_GROUP = [
  "leading tracking outline-offset rounded opacity grow shrink basis order grid-cols",
  "grid-rows grid-flow col-start col-end gap gap-x gap-y space-x space-y divide-x divide-y",
  "size w h min-w min-h max-w max-h z overflow overflow-x overflow-y cursor pointer-events",
  "select transition duration ease delay animate translate translate-x translate-y scale",
  "scale-x scale-y rotate aspect line-clamp underline-offset fill accent will-change scroll-m",
  "scroll-p p m",
].join(" ");
for (const p of OWN_GROUP.split(" ")) PREFIXES[p] = () => p;
/** Positions, only with a value on the spacing scale (`top-4`; `end-safe` is no position). */
for (const p of "inset inset-x inset-y start end top right bottom left".split(" ")) PREFIXES[p] = (v) => (spacing(v) === undefined ? undefined : p);
for (const side of SIDES.slice(1, -1).split("|")) {
  for (const p of ["p", "m", "scroll-m", "scroll-p"]) PREFIXES[p + side] = () => p + side;
  PREFIXES[`rounded-${side}`] = () => `rounded-${side}`;
  WORDS[`rounded-${side}`] = `rounded-${side}`;
  WORDS[`border-${side}`] = `border-w-${side}`;
  PREFIXES[`border-${side}`] = (v) => (isNumber.test(v) || length.test(v) ? `border-w-${side}` : `border-color-${side}`);
}
for (const corner of ["ss", "se", "ee", "es", "tl", "tr", "br", "bl"]) {
  PREFIXES[`rounded-${corner}`] = () => `rounded-${corner}`;
  WORDS[`rounded-${corner}`] = `rounded-${corner}`;
}

/** Groups a class of which overrides (tailwind-merge's `conflictingClassGroups`). */
const sides = (prefix: string, list: string) => list.split(" ").map((s) => prefix + s);
const CONFLICTS: Record<string, string[]> = {
  overflow: ["overflow-x", "overflow-y"],
  inset: ["inset-x", "inset-y", "inset-bs", "inset-be", "start", "end", "top", "right", "bottom", "left"],
  "inset-x": ["start", "end", "right", "left"],
  "inset-y": ["inset-bs", "inset-be", "top", "bottom"],
  flex: ["basis", "grow", "shrink"],
  gap: ["gap-x", "gap-y"],
  size: ["w", "h"],
  "font-size": ["leading"],
  "fvn-normal": ["fvn-ordinal", "fvn-slashed-zero", "fvn-figure", "fvn-spacing", "fvn-fraction"],
  "fvn-figure": ["fvn-normal"],
  "fvn-spacing": ["fvn-normal"],
  "line-clamp": ["display", "overflow"],
  rounded: sides("rounded-", "s e t r b l ss se ee es tl tr br bl"),
  "rounded-s": ["rounded-ss", "rounded-es"],
  "rounded-e": ["rounded-se", "rounded-ee"],
  "rounded-t": ["rounded-tl", "rounded-tr"],
  "rounded-r": ["rounded-tr", "rounded-br"],
  "rounded-b": ["rounded-br", "rounded-bl"],
  "rounded-l": ["rounded-tl", "rounded-bl"],
  translate: ["translate-x", "translate-y", "translate-none"],
};
for (const p of ["p", "m", "scroll-m", "scroll-p", "border-w-", "border-color-"]) {
  const base = p.endsWith("-") ? p.slice(0, -1) : p;
  CONFLICTS[base] = sides(p, "x y s e bs be t r b l");
  CONFLICTS[p + "x"] = sides(p, "s e r l");
  CONFLICTS[p + "y"] = sides(p, "bs be t b");
}

const ORDER_SENSITIVE = new Set(["*", "**", "after", "backdrop", "before", "details-content", "file", "first-letter", "first-line", "marker", "placeholder", "selection"]);

/** The class group of a class without its modifiers (`px-4` → `px`), or undefined when it is no Tailwind class. */
export function classGroup(base: string): string | undefined {
  const word = WORDS[base];
  if (word) return word;
  const property = /^\[([a-z-]+):.+\]$/.exec(base);
  if (property) return `arbitrary..${property[1]}`;
  const name = base.startsWith("-") ? base.slice(1) : base;
  // The longest known prefix wins (`gap-x-2` is gap-x, not gap).
  for (let dash = name.lastIndexOf("-"); dash > 0; dash = name.lastIndexOf("-", dash - 1)) {
    const rule = PREFIXES[name.slice(0, dash)];
    if (rule) {
      const group = rule(name.slice(dash + 1));
      if (group) return group;
    }
  }
  return undefined;
}

function parse(className: string) {
  const modifiers: string[] = [];
  let depth = 0;
  let start = 0;
  let slash: number | undefined;
  for (let i = 0; i < className.length; i++) {
    const c = className[i];
    if (depth === 0 && c === ":") {
      modifiers.push(className.slice(start, i));
      start = i + 1;
    } else if (depth === 0 && c === "/") slash = i;
    else if (c === "[" || c === "(") depth++;
    else if (c === "]" || c === ")") depth--;
  }
  let base = className.slice(start);
  let important = false;
  if (base.endsWith("!")) [base, important] = [base.slice(0, -1), true];
  else if (base.startsWith("!")) [base, important] = [base.slice(1), true];
  const postfix = slash !== undefined && slash > start ? slash - start - (className[start] === "!" ? 1 : 0) : undefined;
  return { modifiers, important, base, postfix };
}

function sortModifiers(modifiers: string[]): string[] {
  const result: string[] = [];
  let run: string[] = [];
  for (const m of modifiers) {
    if (m[0] === "[" || ORDER_SENSITIVE.has(m)) {
      result.push(...run.sort(), m);
      run = [];
    } else run.push(m);
  }
  return result.concat(run.sort());
}

/** Joins class lists, later classes overriding earlier ones of the same group (as tailwind-merge's `twMerge`). */
export function mergeClasses(classList: string): string {
  const taken = new Set<string>();
  const kept: string[] = [];
  const names = classList.trim().split(/\s+/);
  for (let i = names.length - 1; i >= 0; i--) {
    const name = names[i];
    if (!name) continue;
    const { modifiers, important, base, postfix } = parse(name);
    let group = postfix !== undefined ? classGroup(base.slice(0, postfix)) : undefined;
    if (!group) group = classGroup(base);
    if (!group) {
      kept.push(name);
      continue;
    }
    const modifierId = sortModifiers(modifiers).join(":") + (important ? "!" : "");
    if (taken.has(modifierId + group)) continue;
    taken.add(modifierId + group);
    for (const other of CONFLICTS[group] ?? []) taken.add(modifierId + other);
    kept.push(name);
  }
  return kept.reverse().join(" ");
}
