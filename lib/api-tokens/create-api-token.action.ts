"use server";

import { revalidatePath } from "next/cache";
import { createApiToken } from "@/lib/api-tokens/create-api-token";
import { createApiTokenSchema } from "@/lib/api-tokens/create-api-token.validation";
import { authActionClient } from "@/lib/safe-action";

/** A new personal access token for the signed-in member (every role); the secret comes back once. */
export const createApiTokenAction = authActionClient
  .metadata({ actionName: "createApiToken" })
  .inputSchema(createApiTokenSchema)
  .action(async ({ parsedInput, ctx }) => {
    const created = await createApiToken({ id: ctx.user.id, teamId: ctx.user.teamId }, parsedInput);
    revalidatePath("/api-tokens");
    return created;
  });
