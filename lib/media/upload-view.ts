import { z } from "zod";
import { AssetType } from "@/lib/generated/prisma/enums";
import type { Upload } from "@/lib/generated/prisma/client";
import { limitViolationSchema } from "@/lib/media/limit-violation-schema";
import type { FileStorage } from "@/lib/storage/file-storage";

/**
 * An upload as the browser sees it: public URLs instead of storage keys. The routes answer with
 * these schemas; the browser reads the answers without the validation library
 * (components/upload/read-upload-answer.ts).
 */
export const uploadViewSchema = z.object({
  id: z.string(),
  fileName: z.string(),
  type: z.enum(AssetType),
  mimeType: z.string(),
  sizeBytes: z.int(),
  width: z.int().nullable(),
  height: z.int().nullable(),
  durationMs: z.int().nullable(),
  fps: z.number().nullable(),
  sha256: z.string(),
  url: z.string(),
  thumbnailUrl: z.string().nullable(),
  createdAt: z.string(),
});

export type UploadView = z.infer<typeof uploadViewSchema>;

/** `POST /api/uploads` → 201 */
export const uploadCreatedResponseSchema = z.object({
  upload: uploadViewSchema,
  /** true when the team had already uploaded these exact bytes: the earlier upload is returned */
  deduplicated: z.boolean(),
});

/** `POST /api/uploads` → 422 (and any other error, without `violations`) */
export const uploadErrorResponseSchema = z.object({
  error: z.object({ code: z.string(), message: z.string() }),
  violations: z.array(limitViolationSchema).optional(),
});

export function toUploadView(upload: Upload, storage: Pick<FileStorage, "publicUrl">): UploadView {
  return {
    id: upload.id,
    fileName: upload.fileName,
    type: upload.type,
    mimeType: upload.mimeType,
    sizeBytes: upload.sizeBytes,
    width: upload.width,
    height: upload.height,
    durationMs: upload.durationMs,
    fps: upload.fps,
    sha256: upload.sha256,
    url: storage.publicUrl(upload.storageKey),
    thumbnailUrl: upload.thumbnailKey ? storage.publicUrl(upload.thumbnailKey) : null,
    createdAt: upload.createdAt.toISOString(),
  };
}
