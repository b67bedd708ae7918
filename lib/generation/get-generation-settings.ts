import { prisma } from "@/lib/db";
import { readPriceTable } from "@/lib/generation/read-price-table";
import { readVideoDefaults } from "@/lib/generation/video-defaults";

/** A team's generation defaults and price table, with fallbacks for whatever is unset. */
export async function getGenerationSettings(teamId: string) {
  const saved = await prisma.teamSettings.findUnique({
    where: { teamId },
    select: { defaultPrompt: true, defaultVideoParams: true, priceTable: true },
  });
  return {
    defaults: readVideoDefaults(saved?.defaultVideoParams, saved?.defaultPrompt),
    /** The prompt as saved (null: the built-in one is used). */
    savedPrompt: saved?.defaultPrompt ?? null,
    priceTable: readPriceTable(saved?.priceTable),
  };
}

export type GenerationSettings = Awaited<ReturnType<typeof getGenerationSettings>>;
