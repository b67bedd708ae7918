import { z } from "zod";
import { normaliseAssetUrl } from "@/lib/upstream/parse-task";

/**
 * What callers hand the client, in our own camelCase, and how it goes on the wire. The
 * provider checks the same rules; checking them here gives a clear INVALID_INPUT instead of
 * a provider rejection.
 */

export const assetTypeSchema = z.enum(["Image", "Video", "Audio"]);
export type AssetType = z.infer<typeof assetTypeSchema>;

const httpUrlSchema = z
  .string()
  .trim()
  .max(8192)
  .refine((u) => /^https?:\/\/[^\s]+$/i.test(u) && URL.canParse(u), "must be an http(s) URL");

const assetNameSchema = z.string().trim().min(1).max(255);

export const submitAssetsInputSchema = z
  .object({
    /** A new group, created by the provider; or `groupId` for an existing one. */
    group: z.object({ name: z.string().trim().min(1).max(255), description: z.string().max(4000).optional() }).optional(),
    groupId: z.string().trim().min(1).optional(),
    projectName: z.string().trim().min(1).max(255).default("default"),
    assetType: assetTypeSchema.default("Image"),
    assets: z.array(z.object({ url: httpUrlSchema, name: assetNameSchema })).min(1).max(20),
    /** Send a single asset as top-level `url`/`name` instead of `assets`. */
    useShorthand: z.boolean().default(false),
  })
  .superRefine((input, ctx) => {
    if (input.group && input.groupId) {
      ctx.addIssue({ code: "custom", path: ["groupId"], message: "give either a new group or a group id, not both" });
    }
    const seen = new Set<string>();
    input.assets.forEach((asset, i) => {
      if (seen.has(asset.name)) {
        ctx.addIssue({ code: "custom", path: ["assets", i, "name"], message: "asset names must be unique in one request" });
      }
      seen.add(asset.name);
    });
    if (input.useShorthand && input.assets.length !== 1) {
      ctx.addIssue({ code: "custom", path: ["useShorthand"], message: "the shorthand takes exactly one asset" });
    }
  });
export type SubmitAssetsInput = z.input<typeof submitAssetsInputSchema>;

/** Our submit input → the provider's JSON body. */
export function submitAssetsWireBody(input: z.output<typeof submitAssetsInputSchema>): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  if (input.group) {
    body.group = input.group.description !== undefined
      ? { name: input.group.name, description: input.group.description }
      : { name: input.group.name };
  }
  if (input.groupId) body.group_id = input.groupId;
  body.project_name = input.projectName;
  body.asset_type = input.assetType;
  const only = input.assets[0];
  if (input.useShorthand && only) {
    body.url = only.url;
    body.name = only.name;
  } else {
    body.assets = input.assets.map((a) => ({ url: a.url, name: a.name }));
  }
  return body;
}

/** A reference: a public http(s) URL or an approved asset (`asset://...`, any case). */
const referenceUrlSchema = z
  .string()
  .trim()
  .max(8192)
  .refine((u) => /^asset:\/\/\S+$/i.test(u) || (/^https?:\/\/\S+$/i.test(u) && URL.canParse(u)), "must be an http(s) or asset:// URL")
  .transform(normaliseAssetUrl);

export const imageRoleSchema = z.enum(["first_frame", "last_frame", "reference_image"]);
export type ImageRole = z.infer<typeof imageRoleSchema>;

export const videoSizeSchema = z.enum(["16:9", "9:16", "1:1", "4:3", "3:4", "21:9", "adaptive"]);
export const videoResolutionSchema = z.enum(["480p", "720p", "1080p"]);

export const createVideoInputSchema = z
  .object({
    model: z.string().trim().min(1),
    prompt: z.string().max(4000).optional(),
    duration: z.number().int().min(4).max(15).optional(),
    size: videoSizeSchema.optional(),
    resolution: videoResolutionSchema.optional(),
    seed: z.number().int().optional(),
    generateAudio: z.boolean().optional(),
    returnLastFrame: z.boolean().optional(),
    imageWithRoles: z.array(z.object({ url: referenceUrlSchema, role: imageRoleSchema })).max(9).optional(),
    imageUrls: z.array(referenceUrlSchema).max(9).optional(),
    videoUrls: z.array(referenceUrlSchema).max(3).optional(),
    audioUrls: z.array(referenceUrlSchema).max(3).optional(),
  })
  .superRefine((input, ctx) => {
    const images = (input.imageWithRoles?.length ?? 0) + (input.imageUrls?.length ?? 0);
    const videos = input.videoUrls?.length ?? 0;
    const audios = input.audioUrls?.length ?? 0;
    if (!input.prompt?.trim() && images + videos + audios === 0) {
      ctx.addIssue({ code: "custom", path: ["prompt"], message: "a prompt is required when no reference is given" });
    }
    if (input.imageWithRoles?.length && input.imageUrls?.length) {
      ctx.addIssue({ code: "custom", path: ["imageUrls"], message: "give image URLs either with roles or without, not both" });
    }
    if (images + videos + audios > 12) {
      ctx.addIssue({ code: "custom", path: ["imageUrls"], message: "at most 12 references in all" });
    }
    const frames = (input.imageWithRoles ?? []).some((i) => i.role === "first_frame" || i.role === "last_frame");
    if (frames && (videos > 0 || audios > 0)) {
      ctx.addIssue({ code: "custom", path: ["imageWithRoles"], message: "first or last frames cannot be combined with video or audio references" });
    }
    if (audios > 0 && images + videos === 0) {
      ctx.addIssue({ code: "custom", path: ["audioUrls"], message: "audio needs an image or video reference" });
    }
  });
export type CreateVideoInput = z.input<typeof createVideoInputSchema>;

/** Our generation input → the provider's JSON body (snake_case, only the fields given). */
export function createVideoWireBody(input: z.output<typeof createVideoInputSchema>): Record<string, unknown> {
  const body: Record<string, unknown> = { model: input.model };
  const set = (k: string, v: unknown) => {
    if (v !== undefined) body[k] = v;
  };
  set("prompt", input.prompt);
  set("duration", input.duration);
  set("size", input.size);
  set("resolution", input.resolution);
  set("seed", input.seed);
  set("generate_audio", input.generateAudio);
  set("return_last_frame", input.returnLastFrame);
  set("image_with_roles", input.imageWithRoles?.map((i) => ({ url: i.url, role: i.role })));
  set("image_urls", input.imageUrls);
  set("video_urls", input.videoUrls);
  set("audio_urls", input.audioUrls);
  return body;
}
