/**
 * A field's error, tied to its input: give the input `aria-invalid` and
 * `aria-describedby={fieldErrorId(id)}` (see `fieldErrorProps`).
 */
export function FieldError({ id, message }: { id: string; message: string | null | undefined }) {
  if (!message) return null;
  return (
    <p id={fieldErrorId(id)} className="text-xs text-destructive">
      {message}
    </p>
  );
}

export function fieldErrorId(id: string): string {
  return `${id}-error`;
}

/** The input's side of `FieldError`: nothing when there is no error. */
export function fieldErrorProps(id: string, message: string | null | undefined): { "aria-invalid"?: true; "aria-describedby"?: string } {
  return message ? { "aria-invalid": true, "aria-describedby": fieldErrorId(id) } : {};
}
