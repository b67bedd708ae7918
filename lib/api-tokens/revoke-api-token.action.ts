"use server";

import { revalidatePath } from "next/cache";
import { revokeApiToken } from "@/lib/api-tokens/revoke-api-token";
import { revokeApiTokenSchema } from "@/lib/api-tokens/revoke-api-token.validation";
import { authActionClient } from "@/lib/safe-action";

/** Revoke a token: one's own, or (admins) any of the team's. */
export const revokeApiTokenAction = authActionClient
  .metadata({ actionName: "revokeApiToken" })
  .inputSchema(revokeApiTokenSchema)
  .action(async ({ parsedInput, ctx }) => {
    await revokeApiToken(ctx.user, parsedInput.tokenId);
    revalidatePath("/api-tokens");
    return { revoked: true };
  });
