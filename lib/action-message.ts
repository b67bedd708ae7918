/**
 * What a form or a toast says when a server action fails, written once. Browser-safe.
 * A result from next-safe-action carries either `serverError` (an AppError's words, or the
 * generic message with a reference) or `validationErrors` (zod's formatted tree).
 */
export type ActionFailure = { serverError?: string; validationErrors?: unknown } | null | undefined;

/** The first message in a formatted validation tree (its own `_errors` first, then its fields in order). */
export function firstValidationMessage(errors: unknown): string | undefined {
  if (!errors || typeof errors !== "object") return undefined;
  const own = (errors as { _errors?: unknown })._errors;
  if (Array.isArray(own) && typeof own[0] === "string") return own[0];
  for (const [key, value] of Object.entries(errors)) {
    if (key === "_errors") continue;
    const found = firstValidationMessage(value);
    if (found) return found;
  }
  return undefined;
}

/** The message for a failed action: the server's words, else the first validation message, else `fallback`. */
export function actionErrorMessage(result: ActionFailure, fallback: string): string;
export function actionErrorMessage(result: ActionFailure): string | undefined;
export function actionErrorMessage(result: ActionFailure, fallback?: string): string | undefined {
  return result?.serverError ?? firstValidationMessage(result?.validationErrors) ?? fallback;
}

/** The first validation message of one field, to show beside it. */
export function fieldError(result: ActionFailure, field: string): string | undefined {
  const errors = result?.validationErrors;
  if (!errors || typeof errors !== "object") return undefined;
  return firstValidationMessage((errors as Record<string, unknown>)[field]);
}
