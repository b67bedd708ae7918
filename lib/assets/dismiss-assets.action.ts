"use server";

import { permittedActionClient } from "@/lib/safe-action";
import { dismissAssetsSchema } from "@/lib/assets/dismiss-assets.validation";
import { dismissAssets } from "@/lib/assets/dismiss-assets";

/** Dismiss failed assets with a note (team leads and admins). */
export const dismissAssetsAction = permittedActionClient("reviewFailed")
  .metadata({ actionName: "dismissAssets" }).inputSchema(dismissAssetsSchema)
  .action(async ({ parsedInput, ctx }) => {
    const count = await dismissAssets({
      teamId: ctx.user.teamId,
      actorId: ctx.user.id,
      assetIds: parsedInput.assetIds,
      note: parsedInput.note,
    });
    return { count };
  });
