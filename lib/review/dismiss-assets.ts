"use server";

import { permittedActionClient } from "@/lib/safe-action";
import { dismissAssetsSchema } from "@/lib/review/dismiss-assets.validation";
import { dismissFailedAssets } from "@/lib/review/dismiss-failed-assets";

/** Dismiss failed assets with a note (team leads and admins). */
export const dismissAssetsAction = permittedActionClient("reviewFailed")
  .inputSchema(dismissAssetsSchema)
  .action(async ({ parsedInput, ctx }) => {
    const count = await dismissFailedAssets({
      teamId: ctx.user.teamId,
      actorId: ctx.user.id,
      assetIds: parsedInput.assetIds,
      note: parsedInput.note,
    });
    return { count };
  });
