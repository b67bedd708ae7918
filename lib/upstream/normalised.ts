import { z } from "zod";
import { taskStatusSchema } from "@/lib/upstream/status-map";

/**
 * Our own shapes for what the provider reports, whatever variant it sent. These are the
 * only provider shapes the rest of the product sees.
 */

export const usableAssetSchema = z.object({
  /** The name the asset was submitted under; absent when the provider did not echo it. */
  name: z.string().optional(),
  assetId: z.string().optional(),
  /** Always `asset://...` with a lower-case scheme. */
  assetUrl: z.string(),
});
export type UsableAsset = z.infer<typeof usableAssetSchema>;

export const failedAssetSchema = z.object({
  name: z.string().optional(),
  assetId: z.string().optional(),
  /** The machine-readable prefix of the reason, e.g. `InputImageSensitiveContentDetected.PrivacyInformation`. */
  code: z.string().optional(),
  reason: z.string(),
});
export type FailedAsset = z.infer<typeof failedAssetSchema>;

export const pendingAssetSchema = z.object({
  name: z.string().optional(),
  assetId: z.string().optional(),
});
export type PendingAsset = z.infer<typeof pendingAssetSchema>;

export const reviewResultSchema = z.object({
  groupId: z.string().optional(),
  usable: z.array(usableAssetSchema),
  failed: z.array(failedAssetSchema),
  /** Entries of a full `assets[]` list still under review. */
  pending: z.array(pendingAssetSchema),
  /** The single-asset shorthand `result.asset_url` (lower-case scheme). */
  assetUrl: z.string().optional(),
});
export type ReviewResult = z.infer<typeof reviewResultSchema>;

export const videoResultSchema = z.object({
  urls: z.array(z.string()),
  expiresAt: z.date().optional(),
  thumbnailUrl: z.string().optional(),
  lastFrameUrl: z.string().optional(),
});
export type VideoResult = z.infer<typeof videoResultSchema>;

export const taskErrorInfoSchema = z.object({
  message: z.string(),
  code: z.string().optional(),
});
export type TaskErrorInfo = z.infer<typeof taskErrorInfoSchema>;

export const parsedTaskSchema = z.object({
  taskId: z.string(),
  status: taskStatusSchema,
  /** The provider's status word as received. */
  rawStatus: z.string(),
  /** The provider's status word is not one we know; the task is treated as running. */
  unknownStatus: z.boolean(),
  /** 0–100. */
  progress: z.number(),
  createdAt: z.date().optional(),
  completedAt: z.date().optional(),
  estimatedSeconds: z.number().optional(),
  actualSeconds: z.number().optional(),
  error: taskErrorInfoSchema.optional(),
  review: reviewResultSchema.optional(),
  video: videoResultSchema.optional(),
});
export type ParsedTask = z.infer<typeof parsedTaskSchema>;

/** What a submission (asset review or video generation) answers with. */
export const submittedTaskSchema = z.object({
  taskId: z.string(),
  status: taskStatusSchema,
  rawStatus: z.string(),
  progress: z.number().optional(),
  model: z.string().optional(),
});
export type SubmittedTask = z.infer<typeof submittedTaskSchema>;
