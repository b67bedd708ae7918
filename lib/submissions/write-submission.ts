import { randomUUID } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AssetType } from "@/lib/generated/prisma/enums";

export type SubmissionAssetRow = {
  name: string;
  uploadId: string | null;
  sourceUrl: string | null;
  /** The failed asset this one replaces, when it is a resubmission. */
  replacesId?: string;
};

/**
 * Writes one QUEUED Submission (one provider request: one type) of the team's group with its PENDING
 * assets, all stamped with `createdAt`, inside the caller's transaction. Sending is the caller's step.
 */
export async function writeSubmission(
  tx: Prisma.TransactionClient,
  input: {
    teamId: string;
    groupId: string;
    projectName: string;
    assetType: AssetType;
    createdById: string;
    createdAt: Date;
    assets: SubmissionAssetRow[];
  },
): Promise<{ id: string; assetType: AssetType }> {
  const { teamId, groupId, assetType, createdById, createdAt } = input;
  return tx.submission.create({
    data: {
      teamId,
      groupId,
      assetType,
      projectName: input.projectName,
      state: "QUEUED",
      idempotencyKey: randomUUID(),
      createdById,
      createdAt,
      assets: {
        createMany: {
          data: input.assets.map((asset) => ({
            teamId,
            groupId,
            uploadId: asset.uploadId,
            sourceUrl: asset.sourceUrl,
            name: asset.name,
            type: assetType,
            state: "PENDING" as const,
            replacesId: asset.replacesId,
            createdById,
            createdAt,
          })),
        },
      },
    },
    select: { id: true, assetType: true },
  });
}
