"use server";

import { revalidatePath } from "next/cache";
import { saveTeamBudget } from "@/lib/budgets/save-team-budget";
import { saveTeamBudgetSchema } from "@/lib/budgets/save-budgets.validation";
import { permittedActionClient } from "@/lib/safe-action";

export const saveTeamBudgetAction = permittedActionClient("manageBudgets")
  .metadata({ actionName: "saveTeamBudget" })
  .inputSchema(saveTeamBudgetSchema)
  .action(async ({ parsedInput, ctx }) => {
    await saveTeamBudget(ctx.user, parsedInput);
    revalidatePath("/settings");
  });
