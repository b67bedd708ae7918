"use server";

import { revalidatePath } from "next/cache";
import { permittedActionClient } from "@/lib/safe-action";
import { changeRole } from "@/lib/team/change-role";
import { changeRoleSchema } from "@/lib/team/change-role.validation";

export const changeRoleAction = permittedActionClient("manageTeam")
  .metadata({ actionName: "changeRole" }).inputSchema(changeRoleSchema)
  .action(async ({ parsedInput, ctx }) => {
    await changeRole(ctx.user, parsedInput.membershipId, parsedInput.role);
    revalidatePath("/settings/team");
  });
