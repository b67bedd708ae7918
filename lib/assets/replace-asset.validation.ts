import { z } from "zod";

export const replaceAssetSchema = z.object({
  assetId: z.string().trim().min(1),
  /** The new file, uploaded through `POST /api/uploads`. */
  uploadId: z.string().trim().min(1, "Drop a new file first."),
});
export type ReplaceAssetInput = z.input<typeof replaceAssetSchema>;
