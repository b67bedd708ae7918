import { type ApprovedDuplicate, findApprovedDuplicates } from "@/lib/assets/find-approved-duplicates";
import { recordAudit } from "@/lib/audit/record-audit";
import { can } from "@/lib/auth/roles";
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AssetType, Role } from "@/lib/generated/prisma/enums";
import { requestLocale } from "@/lib/i18n/error-message";
import { sentencesIn } from "@/lib/i18n/sentence-in";
import { checkUploadLimits } from "@/lib/media/check-upload-limits";
import { violationSentence } from "@/lib/media/limit-violation";
import { nameFromFileName, proposeUniqueNames } from "@/lib/submissions/unique-names";
import { MAX_ASSETS_PER_REQUEST } from "@/lib/submissions/split-into-requests";
import { sendInBackground } from "@/lib/submissions/send-in-background";
import { writeSubmission } from "@/lib/submissions/write-submission";
import { checkSubmissionLimits } from "@/lib/usage/check-submission-limits";

export type ResubmitItem = {
  /** A failed (REJECTED) asset of the team. */
  assetId: string;
  /** A new file to send in its place; without it the same file is sent again. */
  uploadId?: string;
};

/** A failed asset left as it is because the very same file is already approved in its group. */
export type AlreadyApproved = { assetId: string; name: string; approved: ApprovedDuplicate };

export type ResubmitResult = {
  submissionIds: string[];
  /** New asset id by the id of the asset it replaces. */
  replacements: Record<string, string>;
  /**
   * Items not sent: the same file (same upload, that is same bytes; or the same URL) is already
   * approved in the group, and its asset can be used instead. Sent anyway with `sendApprovedAgain`.
   */
  alreadyApproved: AlreadyApproved[];
};

/**
 * Resubmits failed assets: each becomes a NEW asset in a new submission into the same group
 * (one submission per type, at most 20 each), pointing back at the one it replaces, which
 * becomes REPLACED. Nothing is rewritten: the failed asset keeps its verdict and reason.
 * Creators may resubmit only their own assets; leads and admins anyone's in the team.
 * Writes rows only; the caller sends the submissions (sendSubmission).
 */
/** `resubmitAssets` for the signed-in user; the new submissions are then sent in the background. */
export async function resubmitAndSend(
  user: { id: string; teamId: string; role: Role },
  items: ResubmitItem[],
  options: { sendApprovedAgain?: boolean } = {},
): Promise<ResubmitResult> {
  const result = await resubmitAssets({ teamId: user.teamId, actor: { id: user.id, role: user.role }, items, sendApprovedAgain: options.sendApprovedAgain });
  sendInBackground(result.submissionIds, user.teamId);
  return result;
}

export async function resubmitAssets(input: {
  teamId: string;
  actor: { id: string; role: Role };
  items: ResubmitItem[];
  /** Send an item even when the same file is already approved in its group. */
  sendApprovedAgain?: boolean;
}): Promise<ResubmitResult> {
  const { teamId, actor } = input;
  const ids = [...new Set(input.items.map((i) => i.assetId))];
  if (ids.length !== input.items.length) throw new AppError("INVALID_INPUT", "assetListedTwice");

  return prisma.$transaction(async (tx) => {
    const assets = await tx.asset.findMany({
      where: { teamId, id: { in: ids } },
      select: {
        id: true,
        name: true,
        type: true,
        state: true,
        groupId: true,
        uploadId: true,
        sourceUrl: true,
        createdById: true,
        group: { select: { projectName: true, name: true } },
      },
    });
    const byId = new Map(assets.map((a) => [a.id, a]));
    for (const id of ids) {
      const asset = byId.get(id);
      if (!asset) throw new AppError("NOT_FOUND", "assetMissingPageStale");
      if (asset.state !== "REJECTED") {
        throw new AppError("CONFLICT", "assetNoLongerFailedActed", { values: { name: asset.name } });
      }
      if (!can(actor.role, "reviewFailed") && asset.createdById !== actor.id) {
        throw new AppError("FORBIDDEN", "assetNotYoursResubmit", { values: { name: asset.name } });
      }
    }

    const uploadIds = input.items.flatMap((i) => (i.uploadId ? [i.uploadId] : []));
    const uploads = uploadIds.length ? await tx.upload.findMany({ where: { teamId, id: { in: uploadIds } } }) : [];
    const uploadById = new Map(uploads.map((u) => [u.id, u]));

    type Planned = { old: (typeof assets)[number]; type: AssetType; name: string; uploadId: string | null; sourceUrl: string | null };
    const say = await sentencesIn(await requestLocale());
    const wanted: Planned[] = input.items.map((item) => {
      const old = byId.get(item.assetId)!;
      if (!item.uploadId) return { old, type: old.type, name: old.name, uploadId: old.uploadId, sourceUrl: old.sourceUrl };
      const upload = uploadById.get(item.uploadId);
      if (!upload) throw new AppError("NOT_FOUND", "newFileNotFound");
      const violations = checkUploadLimits(upload);
      if (violations.length > 0) {
        throw new AppError("INVALID_INPUT", "fileCannotBeSent", { values: { name: upload.fileName, problems: violations.map((v) => say(violationSentence(v))).join(" ") } });
      }
      return { old, type: upload.type, name: nameFromFileName(upload.fileName), uploadId: upload.id, sourceUrl: null };
    });

    // The same file already approved in the team is not sent for review again: its asset can be used.
    const alreadyApproved: AlreadyApproved[] = [];
    const byGroup = new Map<string, Planned[]>();
    for (const p of wanted) byGroup.set(p.old.groupId, [...(byGroup.get(p.old.groupId) ?? []), p]);
    if (!input.sendApprovedAgain) {
      for (const [groupId, items] of byGroup) {
        const found = await findApprovedDuplicates(
          teamId,
          { uploadIds: items.flatMap((p) => (p.uploadId ? [p.uploadId] : [])), urls: items.flatMap((p) => (!p.uploadId && p.sourceUrl ? [p.sourceUrl] : [])) },
          { groupId, db: tx },
        );
        for (const p of items) {
          const approved = found.find((d) => (p.uploadId ? d.uploadId === p.uploadId : d.sourceUrl !== null && d.sourceUrl === p.sourceUrl?.trim()));
          if (approved) alreadyApproved.push({ assetId: p.old.id, name: p.old.name, approved });
        }
      }
    }
    const skipped = new Set(alreadyApproved.map((a) => a.assetId));
    const planned = wanted.filter((p) => !skipped.has(p.old.id));
    if (planned.length === 0) return { submissionIds: [], replacements: {}, alreadyApproved };

    // The assets sent again take places in their groups: within the account's limits, or nothing is sent.
    for (const [groupId, items] of byGroup) {
      const adding = items.filter((p) => !skipped.has(p.old.id)).length;
      if (adding > 0) await checkSubmissionLimits(tx, teamId, { groupId, groupName: items[0]!.old.group.name, adding, resubmit: true });
    }

    // One submission per group and type, at most 20 assets each, names unique within it.
    const batches = new Map<string, Planned[]>();
    for (const p of planned) {
      const key = `${p.old.groupId}:${p.type}`;
      batches.set(key, [...(batches.get(key) ?? []), p]);
    }
    const submissionIds: string[] = [];
    const replacements: Record<string, string> = {};
    const now = new Date();
    for (const batch of batches.values()) {
      for (let i = 0; i < batch.length; i += MAX_ASSETS_PER_REQUEST) {
        const chunk = batch.slice(i, i + MAX_ASSETS_PER_REQUEST);
        const first = chunk[0]!;
        const names = proposeUniqueNames(chunk.map((p) => p.name));
        const submission = await writeSubmission(tx, {
          teamId,
          groupId: first.old.groupId,
          projectName: first.old.group.projectName,
          assetType: first.type,
          createdById: actor.id,
          createdAt: now,
          assets: chunk.map((p, index) => ({ name: names[index]!, uploadId: p.uploadId, sourceUrl: p.sourceUrl, replacesId: p.old.id })),
        });
        submissionIds.push(submission.id);
        const created = await tx.asset.findMany({ where: { teamId, submissionId: submission.id }, select: { id: true, replacesId: true } });
        for (const asset of created) if (asset.replacesId) replacements[asset.replacesId] = asset.id;
      }
    }
    const sentIds = planned.map((p) => p.old.id);
    const moved = await tx.asset.updateMany({ where: { teamId, id: { in: sentIds }, state: "REJECTED" }, data: { state: "REPLACED" } });
    if (moved.count !== sentIds.length) throw new AppError("CONFLICT", "assetsChangedConcurrently");

    const sent = input.items.filter((i) => !skipped.has(i.assetId));
    const replaced = sent.filter((i) => i.uploadId);
    if (replaced.length > 0) {
      await auditResubmission(tx, teamId, actor.id, "review.replaced", replaced, {
        count: replaced.length,
        assets: replaced.slice(0, 5).map((i) => ({ from: byId.get(i.assetId)!.name, to: planned.find((p) => p.old.id === i.assetId)!.name })),
        group: byId.get(replaced[0]!.assetId)!.group.name,
      });
    }
    const asIs = sent.filter((i) => !i.uploadId);
    if (asIs.length > 0) {
      await auditResubmission(tx, teamId, actor.id, "review.resubmitted", asIs, {
        count: asIs.length,
        names: asIs.slice(0, 5).map((i) => byId.get(i.assetId)!.name),
        group: byId.get(asIs[0]!.assetId)!.group.name,
      });
    }
    return { submissionIds, replacements, alreadyApproved };
  });
}

/** One audit event for resubmitted assets: aimed at the asset when there is one, at "assets" otherwise. */
function auditResubmission(
  tx: Prisma.TransactionClient,
  teamId: string,
  actorId: string,
  action: "review.replaced" | "review.resubmitted",
  items: ResubmitItem[],
  metadata: Prisma.InputJsonObject,
) {
  return recordAudit(
    {
      teamId,
      actorId,
      action,
      targetType: items.length === 1 ? "asset" : "assets",
      targetId: items.length === 1 ? items[0]!.assetId : undefined,
      metadata,
    },
    tx,
  );
}
