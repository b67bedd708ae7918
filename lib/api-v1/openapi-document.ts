import { z } from "zod";
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiResponsesObject } from "zod-openapi";
import {
  apiErrorSchema,
  assetAnswerSchema,
  assetPageSchema,
  failedQueueQuerySchema,
  failedQueueSchema,
  listAssetsQuerySchema,
  listSubmissionsQuerySchema,
  listVideoJobsApiQuerySchema,
  retryVideoJobRequestSchema,
  submissionAnswerSchema,
  submissionPageSchema,
  submitAnswerSchema,
  submitRequestSchema,
  uploadAnswerSchema,
  uploadQuerySchema,
  uploadRefusedSchema,
  videoDownloadQuerySchema,
  videoJobAnswerSchema,
  videoJobPageSchema,
  videoJobRequestSchema,
} from "@/lib/api-v1/api-schemas";
import type { TokenScope } from "@/lib/api-tokens/token-scopes";

const json = (schema: z.ZodType, description: string) => ({ description, content: { "application/json": { schema } } });

const rateLimitHeaders = {
  "RateLimit-Limit": { description: "Requests allowed per minute for this token.", schema: { type: "integer" as const } },
  "RateLimit-Remaining": { description: "Requests left in the current minute.", schema: { type: "integer" as const } },
  "RateLimit-Reset": { description: "Seconds until the minute ends.", schema: { type: "integer" as const } },
};

const errors = (...statuses: number[]): ZodOpenApiResponsesObject => {
  const words: Record<number, string> = {
    400: "The request is not valid (`INVALID_INPUT`).",
    401: "No valid token (`UNAUTHENTICATED`).",
    403: "The token lacks the scope, or the member's role does not allow it (`FORBIDDEN`).",
    404: "Not found in the token's team (`NOT_FOUND`).",
    409: "A conflict, or a request with this Idempotency-Key is still being answered (`CONFLICT`).",
    422: "This Idempotency-Key was used for a different request (`IDEMPOTENCY_KEY_REUSED`), or the provider refused (`UPSTREAM_REJECTED`).",
    429: "Too many requests for this token (`RATE_LIMITED`); see `Retry-After`.",
  };
  const out: ZodOpenApiResponsesObject = {};
  for (const status of [401, 429, ...statuses]) {
    out[String(status) as "400"] = {
      ...json(apiErrorSchema, words[status] ?? "An error."),
      ...(status === 429 ? { headers: { "Retry-After": { description: "Seconds to wait.", schema: { type: "integer" } } } } : {}),
    };
  }
  return out;
};

const idempotencyKey = z.string().min(1).max(255).optional().meta({
  description: "Makes the POST safe to send again: the same key with the same request answers the first answer (with `Idempotent-Replayed: true`); with another request, 422. Kept 24 hours per token.",
});

function op(
  summary: string,
  scope: TokenScope,
  operation: Omit<ZodOpenApiOperationObject, "responses" | "summary" | "security"> & { responses: ZodOpenApiResponsesObject },
): ZodOpenApiOperationObject {
  const responses: ZodOpenApiResponsesObject = {};
  for (const [status, response] of Object.entries(operation.responses)) {
    responses[status as "200"] = "$ref" in (response as object) ? response : { ...(response as object), headers: { ...rateLimitHeaders, ...((response as { headers?: object }).headers ?? {}) } } as never;
  }
  return { ...operation, summary, description: `${operation.description ? `${operation.description}\n\n` : ""}Scope: \`${scope}\`.`, security: [{ token: [] }], responses };
}

const post = (requestParams: ZodOpenApiOperationObject["requestParams"] = {}) => ({ ...requestParams, header: z.object({ "Idempotency-Key": idempotencyKey }) });

/** The `/api/v1` OpenAPI 3.1 document, built from the same zod schemas the routes validate with. */
export function openApiDocument(serverUrl: string) {
  return createDocument({
    openapi: "3.1.0",
    info: {
      title: "Avatar Studio API",
      version: "1.0.0",
      description:
        "Submit avatars for Seedance 2.0 review, follow their verdicts and make videos from approved ones. Authenticate with a personal access token (`Authorization: Bearer ast_…`) made on the API page; it acts as its member, with their role and team. Errors are `{ error: { code, message, requestId } }`.",
    },
    servers: [{ url: serverUrl }],
    components: { securitySchemes: { token: { type: "http", scheme: "bearer", description: "A personal access token, `ast_…`." } } },
    paths: {
      "/api/v1/assets": {
        get: op("List assets", "read", {
          operationId: "listAssets",
          description: "The team's assets, newest first, one page at a time (keyset cursor).",
          requestParams: { query: listAssetsQuerySchema },
          responses: { "200": json(assetPageSchema, "One page."), ...errors(400, 403) },
        }),
      },
      "/api/v1/assets/{assetId}": {
        get: op("Read an asset", "read", {
          operationId: "getAsset",
          requestParams: { path: z.object({ assetId: z.string() }) },
          responses: { "200": json(assetAnswerSchema, "The asset."), ...errors(403, 404) },
        }),
      },
      "/api/v1/assets/failed": {
        get: op("List the failed queue", "read", {
          operationId: "listFailedAssets",
          description: "Rejected assets with the reason in plain words. Team leads and admins only.",
          requestParams: { query: failedQueueQuerySchema },
          responses: { "200": json(failedQueueSchema, "One page."), ...errors(400, 403) },
        }),
      },
      "/api/v1/submissions": {
        get: op("List submissions", "read", {
          operationId: "listSubmissions",
          description: "Provider requests (one type, at most 20 assets each), newest first.",
          requestParams: { query: listSubmissionsQuerySchema },
          responses: { "200": json(submissionPageSchema, "One page."), ...errors(400, 403) },
        }),
        post: op("Submit assets for review", "submit", {
          operationId: "submitAssets",
          description: "Uploads (by id) and public URLs into one group. URLs on private or loopback hosts are refused before anything is written.",
          requestParams: post(),
          requestBody: { required: true, content: { "application/json": { schema: submitRequestSchema } } },
          responses: { "201": json(submitAnswerSchema, "Written and sent (or queued)."), ...errors(400, 403, 404, 409, 422) },
        }),
      },
      "/api/v1/submissions/{submissionId}": {
        get: op("Read a submission", "read", {
          operationId: "getSubmission",
          requestParams: { path: z.object({ submissionId: z.string() }) },
          responses: { "200": json(submissionAnswerSchema, "The submission and its assets."), ...errors(403, 404) },
        }),
      },
      "/api/v1/uploads": {
        post: op("Upload a file", "submit", {
          operationId: "uploadFile",
          description: "The file's bytes are the body, its type the Content-Type. Submit it afterwards with `source: \"upload\"`.",
          requestParams: post({ query: uploadQuerySchema }),
          requestBody: {
            required: true,
            content: { "application/octet-stream": { schema: z.string().meta({ format: "binary" }) }, "image/png": { schema: z.string().meta({ format: "binary" }) } },
          },
          responses: {
            "201": json(uploadAnswerSchema, "Stored (or the team's earlier copy of the same bytes)."),
            ...errors(400, 403),
            "422": json(uploadRefusedSchema, "The file breaks the provider's limits (`FILE_REFUSED`), each reason listed."),
          },
        }),
      },
      "/api/v1/video-jobs": {
        get: op("List video jobs", "read", {
          operationId: "listVideoJobs",
          requestParams: { query: listVideoJobsApiQuerySchema },
          responses: { "200": json(videoJobPageSchema, "One page."), ...errors(400, 403) },
        }),
        post: op("Start a video job", "generate", {
          operationId: "createVideoJob",
          requestParams: post(),
          requestBody: { required: true, content: { "application/json": { schema: videoJobRequestSchema } } },
          responses: { "201": json(videoJobAnswerSchema, "The job, sent to the provider (or queued)."), ...errors(400, 403, 404, 409, 422) },
        }),
      },
      "/api/v1/video-jobs/{jobId}": {
        get: op("Read a video job", "read", {
          operationId: "getVideoJob",
          requestParams: { path: z.object({ jobId: z.string() }) },
          responses: { "200": json(videoJobAnswerSchema, "The job."), ...errors(403, 404) },
        }),
      },
      "/api/v1/video-jobs/{jobId}/retry": {
        post: op("Retry a video job", "generate", {
          operationId: "retryVideoJob",
          description: "A job that failed at the provider becomes a new job with the same request; one that could not be sent is sent again.",
          requestParams: post({ path: z.object({ jobId: z.string() }) }),
          requestBody: { content: { "application/json": { schema: retryVideoJobRequestSchema } } },
          responses: { "200": json(videoJobAnswerSchema, "The job now following the request."), ...errors(400, 403, 404, 409, 422) },
        }),
      },
      "/api/v1/video-jobs/{jobId}/video": {
        get: op("Download a video", "read", {
          operationId: "downloadVideo",
          description: "Our stored copy of a finished job's video (or, with `file=last-frame`, its last frame), as an attachment.",
          requestParams: { path: z.object({ jobId: z.string() }), query: videoDownloadQuerySchema },
          responses: {
            "200": { description: "The file.", content: { "video/mp4": { schema: z.string().meta({ format: "binary" }) } } },
            ...errors(400, 403, 404),
          },
        }),
      },
      "/api/v1/openapi.json": {
        get: {
          operationId: "getOpenApiDocument",
          summary: "This document",
          security: [],
          responses: { "200": { description: "The OpenAPI 3.1 document.", content: { "application/json": { schema: z.looseObject({}) } } } },
        },
      },
    },
  });
}
