import { z } from "zod";
import type { Asset, Upload, VideoJob, VideoJobReference } from "@/lib/generated/prisma/client";
import { AssetType, VideoJobState } from "@/lib/generated/prisma/enums";
import { readVideoJobParams, videoJobParamsSchema } from "@/lib/generation/video-job-params";
import { uncertainWaitCodes } from "@/lib/generation/video-job-states";
import { referenceRoles } from "@/lib/generation/video-rules";
import type { Sentence } from "@/lib/i18n/sentence";
import { storedSentence } from "@/lib/i18n/stored-sentence";
import type { FileStorage } from "@/lib/storage/file-storage";

/** An asset as a picture or file the browser can show: thumbnail and full-size URLs. */
export function assetMediaUrls(
  asset: Pick<Asset, "type" | "sourceUrl"> & { upload: Pick<Upload, "storageKey" | "thumbnailKey"> | null },
  storage: Pick<FileStorage, "publicUrl">,
): { url: string | null; thumbnailUrl: string | null } {
  const url = asset.upload ? storage.publicUrl(asset.upload.storageKey) : asset.sourceUrl;
  const thumbnailUrl = asset.upload?.thumbnailKey ? storage.publicUrl(asset.upload.thumbnailKey) : asset.type === "IMAGE" ? url : null;
  return { url, thumbnailUrl };
}

export const videoJobReferenceViewSchema = z.object({
  assetId: z.string(),
  name: z.string(),
  type: z.enum(AssetType),
  role: z.enum(referenceRoles).or(z.string()),
  thumbnailUrl: z.string().nullable(),
  url: z.string().nullable(),
});

/** A video job as the browser sees it: public URLs instead of storage keys. */
export const videoJobViewSchema = z.object({
  id: z.string(),
  state: z.enum(VideoJobState),
  progress: z.number(),
  model: z.string(),
  prompt: z.string().nullable(),
  params: videoJobParamsSchema,
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  createdBy: z.object({ name: z.string().nullable(), email: z.string() }).nullable(),
  references: z.array(videoJobReferenceViewSchema),
  providerTaskId: z.string().nullable(),
  /** Our stored copy: plays and downloads after the provider's link has expired. */
  video: z.object({ url: z.string(), downloadUrl: z.string() }).nullable(),
  lastFrame: z.object({ url: z.string(), downloadUrl: z.string() }).nullable(),
  providerVideo: z.object({ url: z.string(), expiresAt: z.string().nullable() }).nullable(),
  error: z.object({ code: z.string().nullable(), message: z.string() }).nullable(),
  /**
   * A send whose answer was lost (UNCERTAIN): whether the worker asks again by itself (and when
   * next) or the job waits for a person, and whether resending could make a second video.
   */
  uncertain: z.object({ waitsForPerson: z.boolean(), nextTryAt: z.string().nullable(), resendMayDuplicate: z.boolean() }).nullable(),
  /** The provider's last answer, for those allowed to see it. */
  raw: z.unknown().optional(),
});
export type VideoJobView = z.infer<typeof videoJobViewSchema>;

export type VideoJobWithReferences = VideoJob & {
  references: (VideoJobReference & { asset: Asset & { upload: Upload | null } })[];
};

export const videoJobInclude = {
  references: { orderBy: { position: "asc" }, include: { asset: { include: { upload: true } } } },
} as const;

export function toVideoJobView(
  job: VideoJobWithReferences,
  options: {
    storage: Pick<FileStorage, "publicUrl">;
    creator: { name: string | null; email: string } | null;
    includeRaw: boolean;
    /** Puts the stored failure into the reader's words (`describeStored`'s translator). */
    say: (s: Sentence) => string;
  },
): VideoJobView {
  const { storage } = options;
  const failure = storedSentence(job);
  const view: VideoJobView = {
    id: job.id,
    state: job.state,
    progress: job.state === "SUCCEEDED" ? 100 : job.progress,
    model: job.model,
    prompt: job.prompt,
    params: readVideoJobParams(job.params),
    createdAt: job.createdAt.toISOString(),
    finishedAt: job.finishedAt?.toISOString() ?? null,
    createdBy: options.creator,
    references: job.references.map((r) => ({
      assetId: r.assetId,
      name: r.asset.name,
      type: r.asset.type,
      role: r.role,
      ...assetMediaUrls(r.asset, storage),
    })),
    providerTaskId: job.providerTaskId,
    video: job.videoKey ? { url: storage.publicUrl(job.videoKey), downloadUrl: `/api/video-jobs/${job.id}/download` } : null,
    lastFrame: job.lastFrameKey
      ? { url: storage.publicUrl(job.lastFrameKey), downloadUrl: `/api/video-jobs/${job.id}/download?file=last-frame` }
      : null,
    providerVideo: job.providerVideoUrl ? { url: job.providerVideoUrl, expiresAt: job.providerVideoExpiresAt?.toISOString() ?? null } : null,
    error: failure ? { code: job.errorCode, message: options.say(failure) } : null,
    uncertain:
      job.state === "UNCERTAIN"
        ? { waitsForPerson: job.nextPollAt === null, nextTryAt: job.nextPollAt?.toISOString() ?? null, resendMayDuplicate: job.errorCode === uncertainWaitCodes.noRequestKeys }
        : null,
  };
  if (options.includeRaw) view.raw = job.rawResponse;
  return view;
}
