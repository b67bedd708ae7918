import { z } from "zod";
import { AssetType } from "@/lib/generated/prisma/enums";
import { assetUrlShapeProblem } from "@/lib/net/address-rules";
import { cleanAssetName, MAX_ASSET_NAME_LENGTH } from "@/lib/submissions/unique-names";

/** One submit may hold this many assets (that is, up to 25 provider requests). */
export const MAX_ITEMS_PER_SUBMIT = 500;

export const assetNameSchema = z
  .string()
  .transform(cleanAssetName)
  .pipe(z.string().min(1, "Give every asset a name.").max(MAX_ASSET_NAME_LENGTH, `Names may be at most ${MAX_ASSET_NAME_LENGTH} characters.`));

/**
 * A public http(s) URL the provider will download from: no `file:` or `data:`, no user name or
 * password. Private hosts are refused on the server, where it is known whether the provider
 * itself is on a private address (lib/net/asset-url-check.ts).
 */
export const assetSourceUrlSchema = z
  .string()
  .trim()
  .max(8192, "A URL may be at most 8192 characters.")
  .superRefine((u, ctx) => {
    const problem = assetUrlShapeProblem(u, { providerIsPrivate: true });
    if (problem) ctx.addIssue({ code: "custom", message: problem });
    else if (!/^https?:\/\/\S+$/i.test(u)) ctx.addIssue({ code: "custom", message: "Give a public http(s) URL." });
  });

export const projectNameSchema = z.string().trim().min(1, "Give a project name.").max(255, "The project name may be at most 255 characters.");

export const submitTargetSchema = z.discriminatedUnion("kind", [
  /** A group made from a name and description (the provider reuses one of the same name in the project). */
  z.object({
    kind: z.literal("new"),
    name: z.string().trim().min(1, "Give the group a name.").max(255, "The group name may be at most 255 characters."),
    description: z.string().trim().max(4000, "The description may be at most 4000 characters.").optional(),
  }),
  /** One of the team's groups in Avatar Studio. */
  z.object({ kind: z.literal("existing"), groupId: z.string().trim().min(1, "Choose a group.") }),
  /** A group that exists at the provider, by its id (e.g. `group-20260415111540-abcde`). */
  z.object({
    kind: z.literal("provider"),
    providerGroupId: z
      .string()
      .trim()
      .min(1, "Give the provider's group id.")
      .max(255)
      .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]*$/, "A provider group id has letters, digits, '-', '_', '.' or ':' only."),
  }),
]);

export const submitItemSchema = z.discriminatedUnion("source", [
  /** A file uploaded through `POST /api/uploads`. */
  z.object({ source: z.literal("upload"), uploadId: z.string().trim().min(1), name: assetNameSchema }),
  /** A file the provider downloads from a public URL. */
  z.object({ source: z.literal("url"), url: assetSourceUrlSchema, type: z.enum(AssetType), name: assetNameSchema }),
]);

export const submitAssetsSchema = z.object({
  target: submitTargetSchema,
  /** For a new or provider group; an existing group keeps its own project. */
  projectName: projectNameSchema.default("default"),
  items: z
    .array(submitItemSchema)
    .min(1, "Add at least one file or URL.")
    .max(MAX_ITEMS_PER_SUBMIT, `At most ${MAX_ITEMS_PER_SUBMIT} assets can be submitted at once.`),
});

export type SubmitAssetsInput = z.input<typeof submitAssetsSchema>;
export type SubmitAssetsParsed = z.output<typeof submitAssetsSchema>;
export type SubmitTarget = z.output<typeof submitTargetSchema>;
export type SubmitItem = z.output<typeof submitItemSchema>;
