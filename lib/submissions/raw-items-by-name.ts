/**
 * The provider's own entry for each asset in a review task's raw answer, by the name it was
 * submitted under, so each Asset row can keep the entry it was last updated from. Lenient:
 * it reads `result.usable_assets`, `result.failed_assets` and `result.assets`, names in
 * `name` or `raw_response.Result.Name`, inside or outside the `{code, data}` envelope.
 */
export function rawItemsByName(raw: unknown): Map<string, unknown> {
  const items = new Map<string, unknown>();
  const task = unwrap(raw);
  const result = isObject(task) ? task.result : undefined;
  if (!isObject(result)) return items;
  for (const listName of ["usable_assets", "failed_assets", "assets"]) {
    const list = result[listName];
    if (!Array.isArray(list)) continue;
    for (const item of list) {
      const name = nameOf(item);
      if (name !== undefined && !items.has(name)) items.set(name, item);
    }
  }
  return items;
}

/** The whole `result` of a task, for a single-asset task whose entry carries no name. */
export function rawResultOf(raw: unknown): unknown {
  const task = unwrap(raw);
  return isObject(task) ? task.result : undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function unwrap(raw: unknown): unknown {
  if (isObject(raw) && isObject(raw.data) && !("status" in raw)) return raw.data;
  return raw;
}

function nameOf(item: unknown): string | undefined {
  if (!isObject(item)) return undefined;
  if (typeof item.name === "string" && item.name.trim()) return item.name.trim();
  const response = item.raw_response;
  const result = isObject(response) ? response.Result : undefined;
  if (isObject(result) && typeof result.Name === "string" && result.Name.trim()) return result.Name.trim();
  return undefined;
}
