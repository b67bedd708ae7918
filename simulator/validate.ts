import { badRequest } from "./http-error";

/** Small validators whose errors name the offending parameter, as the provider's do. */

export function isPresent(value: unknown): boolean {
  return value !== undefined && value !== null;
}

export function optionalString(value: unknown, param: string, maxLength: number): string | undefined {
  if (!isPresent(value)) return undefined;
  if (typeof value !== "string") throw badRequest(`${param} must be a string`, param);
  if (value.length > maxLength) throw badRequest(`${param} must be at most ${maxLength} characters`, param);
  return value;
}

export function requiredString(value: unknown, param: string, maxLength: number): string {
  const text = optionalString(value, param, maxLength);
  if (text === undefined || text.trim().length === 0) throw badRequest(`${param} is required`, param);
  return text;
}

export function optionalBoolean(value: unknown, param: string): boolean | undefined {
  if (!isPresent(value)) return undefined;
  if (typeof value !== "boolean") throw badRequest(`${param} must be true or false`, param);
  return value;
}

export function optionalInteger(value: unknown, param: string, min: number, max: number): number | undefined {
  if (!isPresent(value)) return undefined;
  if (typeof value !== "number" || !Number.isInteger(value)) throw badRequest(`${param} must be an integer`, param);
  if (value < min || value > max) throw badRequest(`${param} must be between ${min} and ${max}`, param);
  return value;
}

export function optionalEnum<T extends string>(value: unknown, param: string, allowed: readonly T[]): T | undefined {
  if (!isPresent(value)) return undefined;
  if (typeof value !== "string" || !(allowed as readonly string[]).includes(value)) {
    throw badRequest(`${param} must be one of ${allowed.join(", ")}`, param);
  }
  return value as T;
}

export function optionalArray(value: unknown, param: string, maxItems: number): unknown[] | undefined {
  if (!isPresent(value)) return undefined;
  if (!Array.isArray(value)) throw badRequest(`${param} must be an array`, param);
  if (value.length > maxItems) throw badRequest(`${param} accepts at most ${maxItems} items`, param);
  return value;
}

export function asObject(value: unknown, param: string): Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw badRequest(`${param} must be an object`, param);
  return value as Record<string, unknown>;
}
