import { z } from "zod";
import { clone } from "zod/v4/core";
import { galleryTabs } from "@/lib/assets/gallery-filters";
import { AppError, errorCodes } from "@/lib/errors";
import { AssetState, AssetType, SubmissionState } from "@/lib/generated/prisma/enums";
import { videoJobStatusFilters } from "@/lib/generation/video-job-states";
import { videoJobViewSchema } from "@/lib/generation/video-job-view";
import { videoRequestSchema } from "@/lib/generation/video-request-schema";
import { limitViolationSchema } from "@/lib/media/limit-violation-schema";
import { uploadViewSchema } from "@/lib/media/upload-view";
import { submitAssetsSchema } from "@/lib/submissions/submit-assets.validation";

/**
 * The `/api/v1` contract: every request and answer schema, used by the routes and by the
 * OpenAPI document (lib/api-v1/openapi-document.ts), so the two cannot drift apart.
 * Request bodies are the same schemas the server actions validate with.
 */

export const apiErrorSchema = z
  .object({
    error: z.object({
      code: z.enum([...errorCodes, "INTERNAL"]).meta({ description: "Stable; branch on this, not on the message." }),
      message: z.string().meta({ description: "For people; may change." }),
      requestId: z.string().meta({ description: "Quote it when asking for help: the server's log line carries it." }),
    }),
  })
  .meta({ id: "Error" });

const isoDate = z.string().meta({ format: "date-time" });
const cursorParam = z.string().max(200).optional().meta({ description: "`nextCursor` of the previous page." });
const limitParam = z.coerce.number().int().min(1).max(100).default(50).meta({ description: "Items per page (1–100)." });

// ---- Assets ----

export const apiAssetSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    type: z.enum(AssetType),
    state: z.enum(AssetState),
    assetUrl: z.string().nullable().meta({ description: "`asset://…` once approved: use it in Seedance 2.0 requests." }),
    failure: z.object({ code: z.string().nullable(), reason: z.string().nullable() }).nullable(),
    group: z.object({ id: z.string(), name: z.string(), projectName: z.string() }),
    submissionId: z.string(),
    fileUrl: z.string().nullable(),
    thumbnailUrl: z.string().nullable(),
    createdAt: isoDate,
    reviewedAt: isoDate.nullable(),
  })
  .meta({ id: "Asset" });
export type ApiAsset = z.infer<typeof apiAssetSchema>;

export const listAssetsQuerySchema = z.object({
  state: z.enum(galleryTabs).default("all").meta({ description: "approved, in_review, failed or all." }),
  type: z.enum(AssetType).optional(),
  group: z.string().max(64).optional().meta({ description: "A group id." }),
  project: z.string().max(255).optional(),
  q: z.string().max(100).optional().meta({ description: "Part of the asset's name." }),
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional().meta({ description: "Created on or after this day (UTC), YYYY-MM-DD." }),
  to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional().meta({ description: "Created on or before this day (UTC), YYYY-MM-DD." }),
  cursor: cursorParam,
  limit: limitParam,
});

export const assetPageSchema = z.object({ items: z.array(apiAssetSchema), nextCursor: z.string().nullable() }).meta({ id: "AssetPage" });
export const assetAnswerSchema = z.object({ asset: apiAssetSchema });

export const failedQueueQuerySchema = z.object({ cursor: cursorParam, limit: limitParam });
export const failedAssetSchema = apiAssetSchema
  .extend({ explanation: z.object({ category: z.string(), title: z.string(), advice: z.string() }) })
  .meta({ id: "FailedAsset" });
export const failedQueueSchema = z.object({ items: z.array(failedAssetSchema), nextCursor: z.string().nullable() }).meta({ id: "FailedQueuePage" });

// ---- Submissions ----

export const apiSubmissionSchema = z
  .object({
    id: z.string(),
    state: z.enum(SubmissionState),
    assetType: z.enum(AssetType),
    projectName: z.string(),
    group: z.object({ id: z.string(), name: z.string(), providerGroupId: z.string().nullable() }),
    providerTaskId: z.string().nullable(),
    progress: z.number(),
    error: z.object({ code: z.string().nullable(), message: z.string() }).nullable(),
    createdAt: isoDate,
    sentAt: isoDate.nullable(),
    finishedAt: isoDate.nullable(),
    assets: z.array(z.object({ id: z.string(), name: z.string(), state: z.enum(AssetState), assetUrl: z.string().nullable() })),
  })
  .meta({ id: "Submission" });
export type ApiSubmission = z.infer<typeof apiSubmissionSchema>;

export const listSubmissionsQuerySchema = z.object({
  state: z.enum(SubmissionState).optional(),
  group: z.string().max(64).optional(),
  cursor: cursorParam,
  limit: limitParam,
});
export const submissionPageSchema = z.object({ items: z.array(apiSubmissionSchema), nextCursor: z.string().nullable() }).meta({ id: "SubmissionPage" });
export const submissionAnswerSchema = z.object({ submission: apiSubmissionSchema });

export const submitRequestSchema = submitAssetsSchema.meta({
  id: "SubmitRequest",
  description: "Assets for review into one group: uploads (`POST /api/v1/uploads` first) and public URLs. One provider request per type and 20 assets.",
});
export const submitAnswerSchema = z
  .object({
    groupId: z.string(),
    groupName: z.string(),
    projectName: z.string(),
    submittedAt: isoDate,
    submissions: z.array(apiSubmissionSchema),
  })
  .meta({ id: "SubmitResult" });

// ---- Uploads ----

export const uploadQuerySchema = z.object({ name: z.string().min(1).max(255).meta({ description: "The file's name, with its extension." }) });
// The upload view is a zod/mini schema (the browser checks answers with it): named for the
// document on a copy, so the shared schema is left as it is.
export const uploadAnswerSchema = z.object({ upload: clone(uploadViewSchema).register(z.globalRegistry, { id: "Upload" }), deduplicated: z.boolean() });
export const uploadRefusedSchema = apiErrorSchema.extend({ violations: z.array(limitViolationSchema) });

// ---- Video jobs ----

export const apiVideoJobSchema = videoJobViewSchema.omit({ raw: true }).meta({ id: "VideoJob" });
export const videoJobRequestSchema = videoRequestSchema.meta({
  id: "VideoJobRequest",
  description: "References are APPROVED assets of the team, by id.",
});
export const listVideoJobsApiQuerySchema = z.object({
  status: z.enum(Object.keys(videoJobStatusFilters) as [keyof typeof videoJobStatusFilters]).default("all"),
  mine: z.enum(["true", "false"]).optional(),
  model: z.string().max(128).optional(),
  q: z.string().max(200).optional().meta({ description: "Part of the prompt." }),
  cursor: cursorParam,
  limit: limitParam,
});
export const videoJobPageSchema = z.object({ items: z.array(apiVideoJobSchema), nextCursor: z.string().nullable() }).meta({ id: "VideoJobPage" });
export const videoJobAnswerSchema = z.object({ job: apiVideoJobSchema });
export const retryVideoJobRequestSchema = z.object({
  resendUncertain: z.boolean().optional().meta({ description: "For a job whose answer was lost where the provider does not honour keys: send it again knowingly." }),
});
export const videoDownloadQuerySchema = z.object({ file: z.enum(["video", "last-frame"]).default("video") });

/** A route's query string checked against its schema; a bad value is INVALID_INPUT naming it. */
export function parseApiQuery<S extends z.ZodType>(request: Request, schema: S): z.output<S> {
  const parsed = schema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (parsed.success) return parsed.data;
  const first = parsed.error.issues[0];
  if (!first) throw new AppError("INVALID_INPUT", "queryInvalid");
  throw new AppError("INVALID_INPUT", "queryInvalidAt", { values: { path: first.path.join("."), problem: first.message } });
}
