"use server";

import { revalidatePath } from "next/cache";
import { permittedActionClient } from "@/lib/safe-action";
import { removeMember } from "@/lib/team/remove-member";
import { removeMemberSchema } from "@/lib/team/remove-member.validation";

export const removeMemberAction = permittedActionClient("manageTeam")
  .metadata({ actionName: "removeMember" }).inputSchema(removeMemberSchema)
  .action(async ({ parsedInput, ctx }) => {
    await removeMember(ctx.user, parsedInput.membershipId);
    revalidatePath("/settings/team");
  });
