"use server";

import { revalidatePath } from "next/cache";
import { saveMemberBudget } from "@/lib/budgets/save-member-budget";
import { saveMemberBudgetSchema } from "@/lib/budgets/save-budgets.validation";
import { permittedActionClient } from "@/lib/safe-action";

export const saveMemberBudgetAction = permittedActionClient("manageBudgets")
  .metadata({ actionName: "saveMemberBudget" })
  .inputSchema(saveMemberBudgetSchema)
  .action(async ({ parsedInput, ctx }) => {
    await saveMemberBudget(ctx.user, parsedInput);
    revalidatePath("/settings");
  });
