import { createParser, type SingleParserBuilder } from "nuqs";
import type { z } from "zod";

/**
 * URL query parsers made from zod schemas, so that what a page keeps in its URL is checked by
 * the same schema the server uses, and a key added to the schema is kept in the URL with no
 * other change. A value the schema refuses reads as absent (never an error); a schema with a
 * fallback (`.catch("all")`) gives that fallback as the key's default, which is left out of
 * the URL.
 */
export type ZodQueryParser<T> = SingleParserBuilder<NonNullable<T>>;

/** One schema → one parser. Values are kept in the URL as their string form. */
export function zodQueryParser<S extends z.ZodType>(schema: S): ZodQueryParser<z.output<S>> {
  const parser = createParser<NonNullable<z.output<S>>>({
    parse: (value) => {
      const result = schema.safeParse(value);
      return result.success && result.data !== undefined && result.data !== null ? (result.data as NonNullable<z.output<S>>) : null;
    },
    serialize: (value) => String(value),
  });
  const fallback = defaultOf(schema);
  return fallback === undefined ? parser : (parser.withDefault(fallback as NonNullable<z.output<S>>) as unknown as ZodQueryParser<z.output<S>>);
}

/** Every key of an object schema → its parser. */
export function zodQueryParsers<Shape extends z.ZodRawShape>(shape: Shape): { [K in keyof Shape]: ZodQueryParser<z.output<Shape[K]>> } {
  const out: Record<string, ZodQueryParser<unknown>> = {};
  for (const [key, schema] of Object.entries(shape)) out[key] = zodQueryParser(schema as z.ZodType);
  return out as unknown as { [K in keyof Shape]: ZodQueryParser<z.output<Shape[K]>> };
}

/** What a schema makes of a missing value: its default or fallback, if it has one. */
export function defaultOf(schema: z.ZodType): unknown {
  const result = schema.safeParse(undefined);
  return result.success ? (result.data ?? undefined) : undefined;
}

/**
 * Parsed query values (null for absent) → the object schema's output. The values were read by
 * each key's own schema already (a transforming schema's output is not its input again), so
 * only absent keys are filled, with their default.
 */
export function fromQueryValues<S extends z.ZodObject>(schema: S, values: Record<string, unknown>): z.output<S> {
  const out: Record<string, unknown> = {};
  for (const [key, fieldSchema] of Object.entries(schema.shape)) {
    const value = values[key];
    const filled = value === null || value === undefined ? defaultOf(fieldSchema as z.ZodType) : value;
    if (filled !== undefined) out[key] = filled;
  }
  return out as z.output<S>;
}

/** An object schema's output → values to set (null clears a key, and a default is left out). */
export function toQueryValues<S extends z.ZodObject>(schema: S, value: Partial<z.output<S>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, fieldSchema] of Object.entries(schema.shape)) {
    const v = (value as Record<string, unknown>)[key];
    out[key] = v === undefined || v === "" || v === defaultOf(fieldSchema as z.ZodType) ? null : v;
  }
  return out;
}
