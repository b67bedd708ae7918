"use server";

import { revalidatePath } from "next/cache";
import { permittedActionClient } from "@/lib/safe-action";
import { addMember } from "@/lib/team/add-member";
import { addMemberSchema } from "@/lib/team/add-member.validation";

export const addMemberAction = permittedActionClient("manageTeam")
  .metadata({ actionName: "addMember" }).inputSchema(addMemberSchema)
  .action(async ({ parsedInput, ctx }) => {
    const user = await addMember(ctx.user, parsedInput);
    revalidatePath("/settings/team");
    return { userId: user.id };
  });
