import { z } from "zod";
import { AssetType } from "@/lib/generated/prisma/enums";
import { assetUrlShapeProblem } from "@/lib/net/address-rules";
import { cleanAssetName, MAX_ASSET_NAME_LENGTH } from "@/lib/submissions/unique-names";
import { messageKey } from "@/lib/i18n/message-key";

/** One submit may hold this many assets (that is, up to 25 provider requests). */
export const MAX_ITEMS_PER_SUBMIT = 500;

export const assetNameSchema = z
  .string()
  .transform(cleanAssetName)
  .pipe(z.string().min(1, messageKey("validation.assetNameRequired")).max(MAX_ASSET_NAME_LENGTH, messageKey("validation.assetNameTooLong")));

/**
 * A public http(s) URL the provider will download from: no `file:` or `data:`, no user name or
 * password. Private hosts are refused on the server, where it is known whether the provider
 * itself is on a private address (lib/net/asset-url-check.ts).
 */
export const assetSourceUrlSchema = z
  .string()
  .trim()
  .max(8192, messageKey("validation.urlTooLong8192"))
  .superRefine((u, ctx) => {
    const problem = assetUrlShapeProblem(u, { providerIsPrivate: true });
    if (problem) ctx.addIssue({ code: "custom", message: problem.message });
    else if (!/^https?:\/\/\S+$/i.test(u)) ctx.addIssue({ code: "custom", message: messageKey("validation.publicUrlRequired") });
  });

export const projectNameSchema = z.string().trim().min(1, messageKey("validation.projectNameRequired")).max(255, messageKey("validation.projectNameTooLong"));

export const submitTargetSchema = z.discriminatedUnion("kind", [
  /** A group made from a name and description (the provider reuses one of the same name in the project). */
  z.object({
    kind: z.literal("new"),
    name: z.string().trim().min(1, messageKey("validation.groupNameRequired")).max(255, messageKey("validation.groupNameTooLong")),
    description: z.string().trim().max(4000, messageKey("validation.descriptionTooLong")).optional(),
  }),
  /** One of the team's groups in Avatar Studio. */
  z.object({ kind: z.literal("existing"), groupId: z.string().trim().min(1, messageKey("validation.chooseGroup")) }),
  /** A group that exists at the provider, by its id (e.g. `group-20260415111540-abcde`). */
  z.object({
    kind: z.literal("provider"),
    providerGroupId: z
      .string()
      .trim()
      .min(1, messageKey("validation.providerGroupIdRequired"))
      .max(255)
      .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]*$/, messageKey("validation.providerGroupIdInvalid")),
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
    .min(1, messageKey("validation.addFileOrUrl"))
    .max(MAX_ITEMS_PER_SUBMIT, messageKey("validation.tooManyItems")),
});

export type SubmitAssetsInput = z.input<typeof submitAssetsSchema>;
export type SubmitAssetsParsed = z.output<typeof submitAssetsSchema>;
export type SubmitTarget = z.output<typeof submitTargetSchema>;
export type SubmitItem = z.output<typeof submitItemSchema>;
