import { createParser, type SingleParserBuilder } from "nuqs";
import type { QueryRead } from "@/lib/url-state/query-readers";

/**
 * URL query parsers (nuqs) made from plain readers (query-readers.ts), the ones the server's
 * schemas check with, so that what a page keeps in its URL is read as the server reads it,
 * without the validation library in the browser. A value the reader refuses reads as absent
 * (never an error); a key's default (`.withDefault("all")`) is left out of the URL.
 */

/** One reader → one parser. Values are kept in the URL as their string form. */
export function queryParser<T extends string | boolean>(read: QueryRead<T>): SingleParserBuilder<T> {
  return createParser<T>({ parse: read, serialize: (value) => String(value) });
}

/** Query values as nuqs gives them (null for an absent key without a default) → an object without the absent keys. */
export type PresentValues<V> = { [K in keyof V]: null extends V[K] ? NonNullable<V[K]> | undefined : V[K] };

export function fromQueryValues<V extends Record<string, unknown>>(values: V): PresentValues<V> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) if (value !== null && value !== undefined) out[key] = value;
  return out as PresentValues<V>;
}

/** Values to set → query values for every key of the parsers: null clears a key, and so do "", an unset key and a key's default. */
export function toQueryValues<P extends Record<string, object>>(parsers: P, value: { [K in keyof P]?: unknown }): { [K in keyof P]: unknown } {
  const out: Record<string, unknown> = {};
  for (const [key, parser] of Object.entries(parsers)) {
    const v = value[key as keyof P];
    const fallback = "defaultValue" in parser ? parser.defaultValue : undefined;
    out[key] = v === undefined || v === null || v === "" || v === fallback ? null : v;
  }
  return out as { [K in keyof P]: unknown };
}
