import { AssetType } from "@/lib/generated/prisma/enums";
import { type LimitViolation, limitViolationCodes } from "@/lib/media/limit-violation";
import type { UploadView } from "@/lib/media/upload-view";

/**
 * Reads the answers of `POST /api/uploads` in the browser, without the validation library.
 * The route builds them with the schemas in lib/media/upload-view.ts, and these checks take
 * the same shapes (upload-answer tests hold the two together): an answer of any other shape
 * (a proxy's error page, a cut-off body) reads as null, never as a half-read upload. Like
 * the schemas, what is read is copied field by field, so unknown fields are left behind.
 */

type Check = (value: unknown) => boolean;

const isString: Check = (v) => typeof v === "string";
/** A whole number within the safe range, as `z.int()` takes it. */
const isInt: Check = (v) => Number.isSafeInteger(v);
/** A finite number, as `z.number()` takes it. */
const isNumber: Check = (v) => typeof v === "number" && Number.isFinite(v);
const orNull =
  (check: Check): Check =>
  (v) =>
    v === null || check(v);
const oneOf =
  (values: readonly unknown[]): Check =>
  (v) =>
    values.includes(v);

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Every field of UploadView with its check: a field added to the schema must be added here. */
const uploadViewChecks: { [K in keyof UploadView]-?: Check } = {
  id: isString,
  fileName: isString,
  type: oneOf(Object.values(AssetType)),
  mimeType: isString,
  sizeBytes: isInt,
  width: orNull(isInt),
  height: orNull(isInt),
  durationMs: orNull(isInt),
  fps: orNull(isNumber),
  sha256: isString,
  url: isString,
  thumbnailUrl: orNull(isString),
  createdAt: isString,
};

export function readUploadView(value: unknown): UploadView | null {
  if (!isObject(value)) return null;
  const out: Record<string, unknown> = {};
  for (const [key, check] of Object.entries(uploadViewChecks)) {
    if (!check(value[key])) return null;
    out[key] = value[key];
  }
  return out as UploadView;
}

function readViolation(value: unknown): LimitViolation | null {
  if (!isObject(value) || !oneOf(limitViolationCodes)(value.code) || !isString(value.message)) return null;
  const { key, values } = value;
  if (key !== undefined && !isString(key)) return null;
  if (values !== undefined && !(isObject(values) && Object.values(values).every((v) => isString(v) || isNumber(v)))) return null;
  return {
    code: value.code as LimitViolation["code"],
    message: value.message as string,
    ...(key !== undefined ? { key: key as string } : {}),
    ...(values !== undefined ? { values: { ...(values as Record<string, string | number>) } } : {}),
  };
}

/** `POST /api/uploads` → 201 */
export function readUploadCreated(body: unknown): { upload: UploadView; deduplicated: boolean } | null {
  if (!isObject(body) || typeof body.deduplicated !== "boolean") return null;
  const upload = readUploadView(body.upload);
  return upload ? { upload, deduplicated: body.deduplicated } : null;
}

/** `POST /api/uploads` → 422, and any other error (without `violations`). */
export function readUploadError(body: unknown): { error: { code: string; message: string }; violations?: LimitViolation[] } | null {
  if (!isObject(body) || !isObject(body.error) || !isString(body.error.code) || !isString(body.error.message)) return null;
  const error = { code: body.error.code as string, message: body.error.message as string };
  if (body.violations === undefined) return { error };
  if (!Array.isArray(body.violations)) return null;
  const violations = body.violations.map(readViolation);
  return violations.every((v) => v !== null) ? { error, violations: violations as LimitViolation[] } : null;
}
