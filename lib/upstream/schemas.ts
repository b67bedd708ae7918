import { z } from "zod";

/**
 * Lenient schemas for what the provider sends. They accept every documented shape and the
 * tolerated variants, keep unknown fields, and never decide business meaning: parse-task.ts
 * and client.ts turn them into our own shapes.
 */

/** A provider `code`: an int or a string holding one (or any other string). */
export const providerCodeSchema = z.union([z.number(), z.string()]);

/** Whether a provider `code` means success (200 as int or string). */
export function isSuccessCode(code: unknown): boolean {
  if (typeof code === "number") return code === 200;
  if (typeof code === "string") return code.trim() === "200";
  return false;
}

const optionalText = z.union([z.string(), z.number()]).optional().catch(undefined);

/** `{"code": 200, "data": ...}` (code as int or string). */
export const successEnvelopeSchema = z.looseObject({
  code: providerCodeSchema.refine(isSuccessCode, "code is not 200"),
  data: z.unknown(),
});

/** `{"error": {"message", "type", "code", "param"}}` */
export const errorObjectBodySchema = z.looseObject({
  error: z.looseObject({
    message: optionalText,
    type: optionalText,
    code: optionalText,
    param: optionalText,
  }),
});

/** `{"code": <non-200>, "message": "..."}` (code as int or string). */
export const errorCodeBodySchema = z.looseObject({
  code: providerCodeSchema.refine((c) => !isSuccessCode(c), "code is 200"),
  message: optionalText,
  msg: optionalText,
  type: optionalText,
});

export const errorBodySchema = z.union([errorObjectBodySchema, errorCodeBodySchema]);
export type ProviderErrorBody = z.infer<typeof errorBodySchema>;

const idSchema = z
  .union([z.string().trim().min(1), z.number().int()])
  .transform((v) => String(v));

/** The fields a submit response may carry its task id in. */
const submitTaskSchema = z.looseObject({
  id: idSchema.optional().catch(undefined),
  task_id: idSchema.optional().catch(undefined),
  status: z.string().optional().catch(undefined),
  progress: z.unknown().optional(),
  model: z.string().optional().catch(undefined),
});

/**
 * Submit response: the task id in `data.id`, `data.task_id`, top-level `id` or `task_id`
 * (the body may or may not be wrapped in the envelope).
 */
export const submitResponseSchema = z
  .looseObject({
    data: submitTaskSchema.optional().catch(undefined),
    id: idSchema.optional().catch(undefined),
    task_id: idSchema.optional().catch(undefined),
    status: z.string().optional().catch(undefined),
    progress: z.unknown().optional(),
    model: z.string().optional().catch(undefined),
  })
  .transform((body, ctx) => {
    const inner = body.data;
    const taskId = inner?.id ?? inner?.task_id ?? body.id ?? body.task_id;
    if (!taskId) {
      ctx.addIssue({ code: "custom", message: "no task id in data.id, data.task_id, id or task_id" });
      return z.NEVER;
    }
    return {
      taskId,
      status: inner?.status ?? body.status,
      progress: inner?.progress ?? body.progress,
      model: inner?.model ?? body.model,
    };
  });

const videoTaskItemSchema = z.looseObject({
  task_id: idSchema.optional().catch(undefined),
  id: idSchema.optional().catch(undefined),
  status: z.string().optional().catch(undefined),
});

/**
 * Video-generation response: `data` is an ARRAY of `{status, task_id}`; an object (or a
 * bare top-level task) is tolerated.
 */
export const videoResponseSchema = z
  .looseObject({
    data: z.union([z.array(z.unknown()), videoTaskItemSchema]).optional().catch(undefined),
    task_id: idSchema.optional().catch(undefined),
    id: idSchema.optional().catch(undefined),
    status: z.string().optional().catch(undefined),
  })
  .transform((body, ctx) => {
    const items = Array.isArray(body.data) ? body.data : body.data ? [body.data] : [body];
    for (const item of items) {
      const parsed = videoTaskItemSchema.safeParse(item);
      if (!parsed.success) continue;
      const taskId = parsed.data.task_id ?? parsed.data.id;
      if (taskId) return { taskId, status: parsed.data.status };
    }
    ctx.addIssue({ code: "custom", message: "no task id in data[].task_id" });
    return z.NEVER;
  });

/** A number, or a string holding one ("42", "42%"). Anything else becomes undefined. */
export const looseNumberSchema = z
  .union([z.number(), z.string()])
  .transform((v) => (typeof v === "number" ? v : Number.parseFloat(v.replace(/%$/, ""))))
  .pipe(z.number().refine(Number.isFinite))
  .optional()
  .catch(undefined);

/** A timestamp: unix seconds (or milliseconds when very large), or an ISO string. */
export const looseTimeSchema = z
  .union([z.number(), z.string()])
  .transform((v): Date | undefined => {
    if (typeof v === "string" && !/^\d+(\.\d+)?$/.test(v.trim())) {
      const ms = Date.parse(v);
      return Number.isNaN(ms) ? undefined : new Date(ms);
    }
    const n = typeof v === "number" ? v : Number(v);
    if (!Number.isFinite(n) || n <= 0) return undefined;
    return new Date(n > 1e12 ? n : n * 1000);
  })
  .optional()
  .catch(undefined);

/** A task's `error`: an object with a message, or a bare string. */
export const taskErrorSchema = z
  .union([
    z.string().transform((message) => ({ message: message as string | undefined, code: undefined as string | undefined })),
    z
      .looseObject({ message: optionalText, msg: optionalText, code: optionalText, type: optionalText })
      .transform((e) => {
        const message = e.message ?? e.msg;
        const code = e.code ?? e.type;
        return {
          message: message === undefined ? undefined : String(message),
          code: code === undefined ? undefined : String(code),
        };
      }),
  ])
  .optional()
  .catch(undefined);

/** One asset entry in a review result (`usable_assets[]`, `failed_assets[]` or `assets[]`). */
const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);
const firstGiven = (...values: unknown[]) => values.find((v) => v !== undefined && v !== null);

/**
 * The official asset API's own field names (`Id`, `Name`, `Status`, `URL`, `Error.Code` /
 * `Error.Message`), at the item's top level or under `raw_response.Result`, as a proxy may pass
 * them through unchanged → the names below. A field given in our names wins.
 */
export function withOfficialAssetFieldNames(item: unknown): unknown {
  if (!isRecord(item)) return item;
  const result = isRecord(item.raw_response) && isRecord(item.raw_response.Result) ? item.raw_response.Result : {};
  const out: Record<string, unknown> = { ...item };
  out.name ??= firstGiven(item.Name, result.Name);
  if (out.asset_id === undefined && out.id === undefined) out.asset_id = firstGiven(item.AssetId, item.Id, result.AssetId, result.Id);
  out.status ??= firstGiven(item.Status, result.Status);
  out.url ??= firstGiven(item.URL, item.Url, result.URL, result.Url);
  if (out.error === undefined || out.error === null) {
    const error = firstGiven(item.Error, result.Error);
    if (isRecord(error)) out.error = { code: firstGiven(error.Code, error.code), message: firstGiven(error.Message, error.message) };
    else if (typeof error === "string") out.error = error;
  }
  return out;
}

export const rawAssetItemSchema = z.preprocess(
  withOfficialAssetFieldNames,
  z.looseObject({

  asset_id: idSchema.optional().catch(undefined),
  id: idSchema.optional().catch(undefined),
  asset_url: z.string().optional().catch(undefined),
  url: z.string().optional().catch(undefined),
  status: z.string().optional().catch(undefined),
  name: z.string().optional().catch(undefined),
  reason: z.string().optional().catch(undefined),
  message: z.string().optional().catch(undefined),
  code: optionalText,
  error: taskErrorSchema,
  raw_response: z
    .looseObject({
      Result: z
        .looseObject({
          Name: z.string().optional().catch(undefined),
          Id: idSchema.optional().catch(undefined),
          Status: z.string().optional().catch(undefined),
          URL: z.string().optional().catch(undefined),
          GroupId: idSchema.optional().catch(undefined),
        })
        .optional()
        .catch(undefined),
    })
    .optional()
    .catch(undefined),
  }),
);
export type RawAssetItem = z.infer<typeof rawAssetItemSchema>;

/** A list that drops entries it cannot read instead of failing. */
const lenientAssetList = z
  .array(z.unknown())
  .transform((items) =>
    items.flatMap((item) => {
      const parsed = rawAssetItemSchema.safeParse(item);
      return parsed.success ? [parsed.data] : [];
    }),
  )
  .optional()
  .catch(undefined);

const urlListSchema = z
  .union([z.array(z.unknown()), z.string()])
  .transform((v) => (typeof v === "string" ? [v] : v.filter((u): u is string => typeof u === "string")))
  .optional()
  .catch(undefined);

const rawVideoItemSchema = z.looseObject({
  url: urlListSchema,
  urls: urlListSchema,
  video_url: urlListSchema,
  expires_at: looseTimeSchema,
  thumbnail_url: z.string().optional().catch(undefined),
});

const rawImageItemSchema = z.union([
  z.string().transform((url) => ({ url: [url] })),
  z.looseObject({ url: urlListSchema, image_url: urlListSchema }).transform((i) => ({
    url: [...(i.url ?? []), ...(i.image_url ?? [])],
  })),
]);

/** A task's `result`: review lists, the single-asset shorthand, or video output. */
export const rawTaskResultSchema = z.looseObject({
  usable_assets: lenientAssetList,
  failed_assets: lenientAssetList,
  assets: lenientAssetList,
  asset_url: z.string().optional().catch(undefined),
  asset_id: idSchema.optional().catch(undefined),
  group_id: idSchema.optional().catch(undefined),
  videos: z
    .union([z.array(z.unknown()), z.unknown().transform((v) => [v])])
    .transform((items) =>
      items.flatMap((item) => {
        const parsed = rawVideoItemSchema.safeParse(item);
        return parsed.success ? [parsed.data] : [];
      }),
    )
    .optional()
    .catch(undefined),
  video_url: urlListSchema,
  urls: urlListSchema,
  expires_at: looseTimeSchema,
  thumbnail_url: z.string().optional().catch(undefined),
  last_frame_url: z.string().optional().catch(undefined),
  images: z
    .array(z.unknown())
    .transform((items) =>
      items.flatMap((item) => {
        const parsed = rawImageItemSchema.safeParse(item);
        return parsed.success ? parsed.data.url : [];
      }),
    )
    .optional()
    .catch(undefined),
});
export type RawTaskResult = z.infer<typeof rawTaskResultSchema>;

/** The `data` of `GET /v1/tasks/{id}`. Only an object is required; every field is optional. */
export const taskPayloadSchema = z.looseObject({
  id: idSchema.optional().catch(undefined),
  task_id: idSchema.optional().catch(undefined),
  object: z.string().optional().catch(undefined),
  status: z.unknown().optional(),
  progress: looseNumberSchema,
  result: rawTaskResultSchema.optional().catch(undefined),
  created: looseTimeSchema,
  created_at: looseTimeSchema,
  completed: looseTimeSchema,
  completed_at: looseTimeSchema,
  estimated_time: looseNumberSchema,
  actual_time: looseNumberSchema,
  group_id: idSchema.optional().catch(undefined),
  error: taskErrorSchema,
});
export type RawTaskPayload = z.infer<typeof taskPayloadSchema>;
