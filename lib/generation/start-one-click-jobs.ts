import { prisma } from "@/lib/db";
import { AppError, isAppError } from "@/lib/errors";
import { type CreateVideoJobDeps, createVideoJob } from "@/lib/generation/create-video-job";
import type { SendOutcome } from "@/lib/generation/send-video-job";
import { type VideoDefaults, paramsFromDefaults, pickModel } from "@/lib/generation/video-defaults";
import { defaultRoleFor } from "@/lib/generation/video-rules";
import { describeAppError } from "@/lib/i18n/error-message";

export type OneClickResult = { assetId: string; name: string | null } & ({ ok: true; outcome: SendOutcome } | { ok: false; error: string });

/**
 * One job per avatar, each with that avatar as its only reference and the team's default
 * prompt and parameters. Each avatar succeeds or fails on its own; the server checks apply
 * to each exactly as on the Generate form.
 */
export async function startOneClickJobs(
  input: { teamId: string; userId: string | null; assetIds: readonly string[]; defaults: VideoDefaults },
  deps: CreateVideoJobDeps,
): Promise<OneClickResult[]> {
  const assets = await prisma.asset.findMany({
    where: { id: { in: [...input.assetIds] }, teamId: input.teamId },
    select: { id: true, name: true, type: true },
  });
  const byId = new Map(assets.map((a) => [a.id, a]));
  const { defaults } = input;
  const results: OneClickResult[] = [];
  for (const assetId of input.assetIds) {
    const asset = byId.get(assetId);
    try {
      if (!asset) throw new AppError("NOT_FOUND", "assetNotInLibrary");
      const outcome = await createVideoJob(
        {
          teamId: input.teamId,
          userId: input.userId,
          source: "one-click",
          request: {
            model: pickModel(defaults.model, deps.models),
            prompt: defaults.prompt,
            references: [{ assetId: asset.id, type: asset.type, role: defaultRoleFor(asset.type) }],
            ...paramsFromDefaults(defaults),
          },
        },
        deps,
      );
      results.push({ assetId, name: asset.name, ok: true, outcome });
    } catch (error) {
      if (!isAppError(error)) throw error;
      // Said in the language of the request that asked (English outside one).
      results.push({ assetId, name: asset?.name ?? null, ok: false, error: await describeAppError(error) });
    }
  }
  return results;
}
