import { recordAudit } from "@/lib/audit/record-audit";
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import type { AssetGroup, Prisma, Upload } from "@/lib/generated/prisma/client";
import type { AssetType } from "@/lib/generated/prisma/enums";
import { requestLocale } from "@/lib/i18n/error-message";
import { messageKey } from "@/lib/i18n/message-key";
import { sentencesIn } from "@/lib/i18n/sentence-in";
import { checkUploadLimits } from "@/lib/media/check-upload-limits";
import { violationSentence } from "@/lib/media/limit-violation";
import { assetUrlProblems, providerOnPrivateAddress } from "@/lib/net/asset-url-check";
import { getProviderSettings } from "@/lib/settings/get-provider-settings";
import { sendSubmission, type SendSubmissionOptions, type SendSubmissionResult } from "@/lib/submissions/send-submission";
import { splitIntoRequests } from "@/lib/submissions/split-into-requests";
import type { SubmitAssetsParsed, SubmitTarget } from "@/lib/submissions/submit-assets.validation";
import { writeSubmission } from "@/lib/submissions/write-submission";
import { checkSubmissionLimits } from "@/lib/usage/check-submission-limits";
import { isUniqueViolation } from "@/lib/prisma-errors";

/** Provider requests of one submit sent at once. */
const SEND_CONCURRENCY = 3;

export type SubmitAssetsResult = {
  groupId: string;
  groupName: string;
  projectName: string;
  /** When the rows were written; every request of this submit carries it as `createdAt`. */
  submittedAt: string;
  submissions: (SendSubmissionResult & { assetType: AssetType; assetCount: number })[];
};

type Tx = Prisma.TransactionClient;

/**
 * One group submission: checks every item, writes the group, every Submission (one per
 * provider request: one type, at most 20) and every Asset in one transaction, and only then
 * sends the requests. A request that cannot be sent stays recorded with its reason and can be
 * sent again; nothing else is lost.
 */
export async function submitAssets(
  input: SubmitAssetsParsed,
  actor: { teamId: string; userId: string },
  sendOptions: SendSubmissionOptions = {},
): Promise<SubmitAssetsResult> {
  const { teamId, userId } = actor;
  const uploads = await checkedUploads(input, teamId);
  await checkUrlItems(input, teamId);

  const planned = splitIntoRequests(
    input.items.map((item) =>
      item.source === "upload"
        ? { type: uploads.get(item.uploadId)!.type, name: item.name, uploadId: item.uploadId, sourceUrl: null }
        : { type: item.type, name: item.name, uploadId: null, sourceUrl: item.url },
    ),
  );

  const submittedAt = new Date();
  const written = await withUniqueRetry(() =>
    prisma.$transaction(async (tx) => {
      const group = await resolveGroup(tx, input.target, input.projectName, teamId, userId);
      await checkSubmissionLimits(tx, teamId, { groupId: group.id, groupName: group.name, adding: input.items.length });
      const submissions = [];
      for (const request of planned) {
        const submission = await writeSubmission(tx, {
          teamId,
          groupId: group.id,
          projectName: group.projectName,
          assetType: request.assetType,
          createdById: userId,
          createdAt: submittedAt,
          assets: request.items,
        });
        submissions.push({ ...submission, assetCount: request.items.length });
      }
      await recordAudit(
        {
          teamId,
          actorId: userId,
          action: "assets.submitted",
          targetType: "assetGroup",
          targetId: group.id,
          metadata: {
            groupName: group.name,
            projectName: group.projectName,
            assets: input.items.length,
            submissionIds: submissions.map((s) => s.id),
          },
        },
        tx,
      );
      return { group, submissions };
    }),
  );

  const results = await mapWithConcurrency(written.submissions, SEND_CONCURRENCY, async (s) => {
    const extra = { assetType: s.assetType, assetCount: s.assetCount };
    try {
      return { ...(await sendSubmission(s.id, teamId, sendOptions)), ...extra };
    } catch (error) {
      // The row stays QUEUED: the worker sends it later.
      logger.error({ err: error, submissionId: s.id }, "submission left queued");
      return { id: s.id, state: "QUEUED" as const, providerTaskId: null, errorCode: null, error: null, sent: false, ...extra };
    }
  });

  return {
    groupId: written.group.id,
    groupName: written.group.name,
    projectName: written.group.projectName,
    submittedAt: submittedAt.toISOString(),
    submissions: results,
  };
}

/** The uploads named by the items: the team's own, each listed once, each inside the limits. */
async function checkedUploads(input: SubmitAssetsParsed, teamId: string): Promise<Map<string, Upload>> {
  const ids = input.items.flatMap((item) => (item.source === "upload" ? [item.uploadId] : []));
  const rows = await prisma.upload.findMany({ where: { teamId, id: { in: ids } } });
  const byId = new Map(rows.map((u) => [u.id, u]));

  // In English for the answer's detail (API clients, logs); in the user's words for the sentence.
  const problems: string[] = [];
  const said: string[] = [];
  const say = await sentencesIn(await requestLocale());
  const seen = new Map<string, string>();
  for (const item of input.items) {
    if (item.source !== "upload") continue;
    const upload = byId.get(item.uploadId);
    if (!upload) {
      problems.push(`“${item.name}” is not among your team's uploads; upload the file again.`);
      said.push(say({ key: messageKey("limits.uploadNotFound"), values: { name: item.name } }));
      continue;
    }
    const twin = seen.get(item.uploadId);
    if (twin !== undefined) {
      problems.push(`“${item.name}” is the same file as “${twin}”; keep one of them.`);
      said.push(say({ key: messageKey("limits.sameFileAs"), values: { name: item.name, twin } }));
      continue;
    }
    seen.set(item.uploadId, item.name);
    const violations = checkUploadLimits(upload);
    if (violations.length > 0) {
      problems.push(`“${item.name}” cannot be sent: ${violations.map((v) => v.message).join(" ")}`);
      const reasons = violations.map((v) => say(violationSentence(v))).join(" ");
      said.push(say({ key: messageKey("limits.cannotBeSent"), values: { name: item.name, problems: reasons } }));
    }
  }
  if (problems.length > 0) {
    const shown = said.slice(0, 5);
    const more = problems.length - shown.length;
    throw new AppError("INVALID_INPUT", "nothingSubmittedProblems", { values: { problems: shown.join(" "), more }, detail: { problems } });
  }
  return byId;
}

/**
 * URL assets the provider could never fetch are refused before anything is written: private,
 * loopback and link-local hosts (as addresses, local names, or names resolving to them),
 * unless the team's provider is itself on a private address, as the bundled simulator is.
 */
async function checkUrlItems(input: SubmitAssetsParsed, teamId: string): Promise<void> {
  const items = input.items.flatMap((item) => (item.source === "url" ? [item] : []));
  if (items.length === 0) return;
  const { baseUrl } = await getProviderSettings(teamId);
  const problems = await assetUrlProblems(
    items.map((i) => i.url),
    { providerIsPrivate: await providerOnPrivateAddress(baseUrl) },
  );
  if (problems.size === 0) return;
  const say = await sentencesIn(await requestLocale());
  const lines = items.flatMap((i) => {
    const problem = problems.get(i.url);
    return problem ? [`“${i.name}”: ${say(problem)}`] : [];
  });
  const shown = lines.slice(0, 5);
  const more = lines.length - shown.length;
  throw new AppError("INVALID_INPUT", "nothingSubmittedProblems", {
    values: { problems: shown.join(" "), more },
    detail: { problems: lines },
  });
}

async function resolveGroup(tx: Tx, target: SubmitTarget, projectName: string, teamId: string, userId: string): Promise<AssetGroup> {
  if (target.kind === "existing") {
    const group = await tx.assetGroup.findFirst({ where: { id: target.groupId, teamId } });
    if (!group) throw new AppError("NOT_FOUND", "groupNotFound");
    return group;
  }
  if (target.kind === "provider") {
    const known = await tx.assetGroup.findFirst({
      where: { teamId, projectName, providerGroupId: target.providerGroupId },
      orderBy: { createdAt: "asc" },
    });
    if (known) return known;
    const named = await tx.assetGroup.findUnique({
      where: { teamId_projectName_name: { teamId, projectName, name: target.providerGroupId } },
    });
    if (named) {
      if (named.providerGroupId && named.providerGroupId !== target.providerGroupId) {
        throw new AppError("CONFLICT", "groupNameTaken", { values: { name: named.name } });
      }
      return tx.assetGroup.update({ where: { id: named.id }, data: { providerGroupId: target.providerGroupId } });
    }
    return tx.assetGroup.create({
      data: { teamId, projectName, name: target.providerGroupId, providerGroupId: target.providerGroupId, createdById: userId },
    });
  }
  // A new group; a group of the same name in the project is the same group, at the provider too.
  return tx.assetGroup.upsert({
    where: { teamId_projectName_name: { teamId, projectName, name: target.name } },
    create: { teamId, projectName, name: target.name, description: target.description || null, createdById: userId },
    update: {},
  });
}

/** Two submits creating the same group at once: the loser of the race tries once more. */
async function withUniqueRetry<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error)) return work();
    throw error;
  }
}

async function mapWithConcurrency<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index]!);
    }
  });
  await Promise.all(workers);
  return results;
}
