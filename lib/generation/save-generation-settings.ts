import type { z } from "zod";
import { recordAudit } from "@/lib/audit/record-audit";
import { prisma } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { saveGenerationSettingsSchema } from "@/lib/generation/save-generation-settings.validation";

/** The team's default prompt and parameters of one-click videos, and its price table, audited. */
export async function saveGenerationSettings(input: z.output<typeof saveGenerationSettingsSchema>, actor: { id: string; teamId: string }): Promise<void> {
  const teamId = actor.teamId;
  const data = {
    defaultPrompt: input.defaultPrompt,
    defaultVideoParams: input.defaults,
    priceTable: input.priceTable ?? Prisma.DbNull,
  };
  await prisma.$transaction(async (tx) => {
    await tx.teamSettings.upsert({ where: { teamId }, create: { teamId, ...data }, update: data });
    await recordAudit(
      {
        teamId,
        actorId: actor.id,
        action: "settings.generation_saved",
        targetType: "team",
        targetId: teamId,
        metadata: { defaults: input.defaults, prices: input.priceTable !== null },
      },
      tx,
    );
  });
}
