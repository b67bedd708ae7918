/**
 * Readers of URL query values: the raw string → the value, or null when it is malformed (a
 * page then treats the key as absent, never as an error). Plain functions with no validation
 * library, so that the browser's URL state (query-parsers.ts) and the server's zod schemas
 * check a value with the very same code.
 */
export type QueryRead<T> = (raw: string) => T | null;

/** One of a list, exactly as written. */
export function oneOf<const T extends string>(values: readonly T[]): QueryRead<T> {
  return (raw) => ((values as readonly string[]).includes(raw) ? (raw as T) : null);
}

/** Text of 1 to `max` characters once trimmed (the trimmed text). */
export function trimmedText(max: number): QueryRead<string> {
  return (raw) => {
    const value = raw.trim();
    return value.length >= 1 && value.length <= max ? value : null;
  };
}

/** Text that matches a pattern once trimmed (the trimmed text). */
export function trimmedMatching(pattern: RegExp): QueryRead<string> {
  return (raw) => {
    const value = raw.trim();
    return pattern.test(value) ? value : null;
  };
}
