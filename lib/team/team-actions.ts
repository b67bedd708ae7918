"use server";

import { revalidatePath } from "next/cache";
import { permittedActionClient } from "@/lib/safe-action";
import { addMemberSchema, changeRoleSchema, removeMemberSchema } from "@/lib/team/team-actions.validation";
import { addMember, changeRole, removeMember } from "@/lib/team/team-service";

const adminAction = permittedActionClient("manageTeam");

export const addMemberAction = adminAction.inputSchema(addMemberSchema).action(async ({ parsedInput, ctx }) => {
  const user = await addMember(ctx.user, parsedInput);
  revalidatePath("/settings/team");
  return { userId: user.id };
});

export const changeRoleAction = adminAction.inputSchema(changeRoleSchema).action(async ({ parsedInput, ctx }) => {
  await changeRole(ctx.user, parsedInput.membershipId, parsedInput.role);
  revalidatePath("/settings/team");
});

export const removeMemberAction = adminAction.inputSchema(removeMemberSchema).action(async ({ parsedInput, ctx }) => {
  await removeMember(ctx.user, parsedInput.membershipId);
  revalidatePath("/settings/team");
});
