"use server";

import { replaceAsset } from "@/lib/assets/replace-asset";
import { replaceAssetSchema } from "@/lib/assets/replace-asset.validation";
import { authActionClient } from "@/lib/safe-action";

/** Replace a failed asset's file: a new asset with the new file goes into the same group. */
export const replaceAssetAction = authActionClient
  .metadata({ actionName: "replaceAsset" })
  .inputSchema(replaceAssetSchema)
  .action(async ({ parsedInput, ctx }) => replaceAsset(parsedInput, ctx.user));
