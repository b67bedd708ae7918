"use server";

import { revalidatePath } from "next/cache";
import { saveGenerationSettings } from "@/lib/generation/save-generation-settings";
import { saveGenerationSettingsSchema } from "@/lib/generation/save-generation-settings.validation";
import { permittedActionClient } from "@/lib/safe-action";

/** Settings: the default prompt and parameters of one-click videos, and the price table. */
export const saveGenerationSettingsAction = permittedActionClient("manageSettings")
  .metadata({ actionName: "saveGenerationSettings" }).inputSchema(saveGenerationSettingsSchema)
  .action(async ({ parsedInput, ctx }) => {
    await saveGenerationSettings(parsedInput, ctx.user);
    revalidatePath("/settings");
    revalidatePath("/generate");
    return { saved: true };
  });
