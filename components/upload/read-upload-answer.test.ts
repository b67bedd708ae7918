import { describe, expect, it } from "vitest";
import { uploadCreatedResponseSchema, uploadErrorResponseSchema } from "@/lib/media/upload-view";
import { readUploadCreated, readUploadError } from "./read-upload-answer";

/** What the server's schema makes of a body: its output, or null when it refuses it. */
const bySchema = (schema: typeof uploadCreatedResponseSchema | typeof uploadErrorResponseSchema, body: unknown) => {
  const result = schema.safeParse(body);
  return result.success ? result.data : null;
};

const upload = {
  id: "u1",
  fileName: "hero.png",
  type: "IMAGE",
  mimeType: "image/png",
  sizeBytes: 1234,
  width: 800,
  height: 600,
  durationMs: null,
  fps: null,
  sha256: "ab",
  url: "/files/a.png",
  thumbnailUrl: null,
  createdAt: "2026-01-02T03:04:05.000Z",
};
const violation = { code: "FILE_TOO_LARGE", message: "Too big.", key: "limits.fileTooLarge", values: { size: "31 MB", limit: 30 } };

const createdBodies: unknown[] = [
  { upload, deduplicated: false },
  { upload: { ...upload, type: "VIDEO", durationMs: 5000, fps: 29.97, thumbnailUrl: "/t.jpg" }, deduplicated: true },
  { upload: { ...upload, extra: "left out" }, deduplicated: false, more: 1 },
  { upload, deduplicated: "no" },
  { upload },
  { upload: { ...upload, type: "PDF" }, deduplicated: false },
  { upload: { ...upload, sizeBytes: 1.5 }, deduplicated: false },
  { upload: { ...upload, sizeBytes: 2 ** 53 }, deduplicated: false },
  { upload: { ...upload, width: "800" }, deduplicated: false },
  { upload: { ...upload, fps: "30" }, deduplicated: false },
  { upload: { ...upload, thumbnailUrl: undefined }, deduplicated: false },
  { upload: (({ createdAt: _, ...rest }) => rest)(upload), deduplicated: false },
  { upload: [upload], deduplicated: false },
  { upload: null, deduplicated: false },
  [upload],
  null,
  undefined,
  "created",
  42,
];

const errorBodies: unknown[] = [
  { error: { code: "LIMITS", message: "The file breaks the limits." }, violations: [violation] },
  { error: { code: "LIMITS", message: "m" }, violations: [{ code: "EMPTY_FILE", message: "Empty." }, { ...violation, extra: 1 }] },
  { error: { code: "LIMITS", message: "m", requestId: "r" }, violations: [] },
  { error: { code: "UNAUTHORIZED", message: "Sign in." } },
  { error: { code: "X", message: "m" }, violations: [{ ...violation, code: "SOMETHING_NEW" }] },
  { error: { code: "X", message: "m" }, violations: [{ ...violation, key: 3 }] },
  { error: { code: "X", message: "m" }, violations: [{ ...violation, values: { a: true } }] },
  { error: { code: "X", message: "m" }, violations: [{ ...violation, values: ["a"] }] },
  { error: { code: "X", message: "m" }, violations: [{ ...violation, message: undefined }] },
  { error: { code: "X", message: "m" }, violations: violation },
  { error: { code: "X", message: "m" }, violations: null },
  { error: { code: "X" } },
  { error: "Bad gateway" },
  { message: "nope" },
  [],
  null,
  undefined,
  "<html>",
];

describe("reading upload answers without the validation library", () => {
  it("reads a created upload exactly as the route's schema does", () => {
    for (const body of createdBodies) expect(readUploadCreated(body), JSON.stringify(body)).toEqual(bySchema(uploadCreatedResponseSchema, body));
    expect(readUploadCreated(createdBodies[0])).toEqual({ upload, deduplicated: false });
    expect(readUploadCreated(createdBodies[2])?.upload).not.toHaveProperty("extra");
  });

  it("reads an error answer exactly as the route's schema does", () => {
    for (const body of errorBodies) expect(readUploadError(body), JSON.stringify(body)).toEqual(bySchema(uploadErrorResponseSchema, body));
    expect(readUploadError(errorBodies[0])?.violations).toEqual([violation]);
    expect(readUploadError(errorBodies[5])).toBeNull();
  });
});
