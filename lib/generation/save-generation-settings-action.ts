"use server";

import { revalidatePath } from "next/cache";
import { recordAudit } from "@/lib/audit/record-audit";
import { prisma } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { saveGenerationSettingsSchema } from "@/lib/generation/save-generation-settings.validation";
import { permittedActionClient } from "@/lib/safe-action";

/** Settings: the default prompt and parameters of one-click videos, and the price table. */
export const saveGenerationSettingsAction = permittedActionClient("manageSettings")
  .inputSchema(saveGenerationSettingsSchema)
  .action(async ({ parsedInput, ctx }) => {
    const teamId = ctx.user.teamId;
    const data = {
      defaultPrompt: parsedInput.defaultPrompt,
      defaultVideoParams: parsedInput.defaults,
      priceTable: parsedInput.priceTable ?? Prisma.DbNull,
    };
    await prisma.$transaction(async (tx) => {
      await tx.teamSettings.upsert({ where: { teamId }, create: { teamId, ...data }, update: data });
      await recordAudit(
        {
          teamId,
          actorId: ctx.user.id,
          action: "settings.generation_saved",
          targetType: "team",
          targetId: teamId,
          metadata: { defaults: parsedInput.defaults, prices: parsedInput.priceTable !== null },
        },
        tx,
      );
    });
    revalidatePath("/settings");
    revalidatePath("/generate");
    return { saved: true };
  });
