"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useAction } from "@/lib/use-action";
import { hydrateAfterLoad } from "@/components/ui/hydrate-after-load";
import { lazyClient } from "@/components/ui/lazy-client";
import { useTranslations } from "next-intl";
import { useEffect, useMemo, useRef, useState } from "react";
import { toast } from "@/components/ui/toast";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { useStableCallback } from "@/components/ui/use-stable-callback";
import { useActionMessage } from "@/lib/i18n/use-action-message";
import type { ApprovedDuplicate } from "@/lib/assets/find-approved-duplicates";
import type { GroupOption } from "@/lib/assets/list-groups";
import type { AssetType } from "@/lib/generated/prisma/enums";
import { acceptMap } from "@/lib/media/limits";
import type { SubmissionList } from "@/lib/submissions/list-submissions";
import { splitIntoRequests } from "@/lib/submissions/split-into-requests";
import type { SubmitAssetsResult } from "@/lib/submissions/submit-assets";
import { submitAssetsAction } from "@/lib/submissions/submit-assets.action";
import type { SubmitAssetsInput } from "@/lib/submissions/submit-assets.validation";
import { submissionsQueryKey } from "./submissions-query-key";
import { SubmitCard } from "./submit-card";
import { TargetFields } from "./target-fields";
import { knownGroupId, targetInput } from "./target-state";
import { checkNames, findRepeats, uploadProgress } from "./upload-checks";
import { UrlItems } from "./url-items";
import { usePastedFiles } from "./use-pasted-files";
import { useSavedTarget } from "./use-saved-target";
import { useUploadItems } from "./use-upload-items";

type Props = {
  userId: string;
  defaultProjectName: string;
  initialGroups: GroupOption[];
  initialSubmissions: SubmissionList;
  /** The team's provider is on a private address (the simulator): private URL assets are let through. */
  providerIsPrivate: boolean;
};

const groupsQueryKey = ["groups"] as const;

// The drop area (react-dropzone) is drawn by the server and hydrates after the page has loaded;
// a click on it, files dropped on it or chosen in it before then are given to it once it has.
const DropZone = hydrateAfterLoad(() => import("./drop-zone").then((m) => m.DropZone), DropZoneSkeleton);
// The list of dropped files shows only once there are files: its code loads with the first.
const FilesCard = lazyClient(() => import("./files-card").then((m) => m.FilesCard));
// The recent submits below the form hydrate after the page has loaded.
const SubmissionsPanel = hydrateAfterLoad(() => import("./submissions-panel").then((m) => m.SubmissionsPanel), SubmissionsSkeleton);

function DropZoneSkeleton() {
  return <Skeleton className="h-56 w-full rounded-xl sm:h-64" />;
}

function SubmissionsSkeleton() {
  return <Skeleton className="h-40 w-full" />;
}

async function fetchGroups(failed: (status: number) => string): Promise<GroupOption[]> {
  const res = await fetch("/api/groups", { cache: "no-store" });
  if (!res.ok) throw new Error(failed(res.status));
  return ((await res.json()) as { groups: GroupOption[] }).groups;
}

async function fetchDuplicates(groupId: string | null, uploadIds: string[], urls: string[]): Promise<ApprovedDuplicate[]> {
  const query = new URLSearchParams({ uploadIds: uploadIds.join(",") });
  for (const url of urls) query.append("url", url);
  if (groupId) query.set("group", groupId);
  const res = await fetch(`/api/duplicates?${query}`, { cache: "no-store" });
  if (!res.ok) return [];
  return ((await res.json()) as { duplicates: ApprovedDuplicate[] }).duplicates;
}

/**
 * The Upload page: drop or paste files and add URLs (each checked and uploaded at once),
 * choose the group, then submit everything for review in requests of at most 20.
 */
export function UploadWorkspace({ userId, defaultProjectName, initialGroups, initialSubmissions, providerIsPrivate }: Props) {
  const t = useTranslations("upload");
  const message = useActionMessage();
  const queryClient = useQueryClient();
  const items = useUploadItems(`avatar-studio.upload-draft.v1.${userId}`, { providerIsPrivate });
  const { files, urls } = items;
  const [target, changeTarget] = useSavedTarget(`avatar-studio.upload-target.v1.${userId}`, defaultProjectName);
  const [lastResult, setLastResult] = useState<SubmitAssetsResult | null>(null);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const replaceInput = useRef<HTMLInputElement>(null);
  const replacing = useRef<string | null>(null);

  const groupsQuery = useQuery({ queryKey: groupsQueryKey, queryFn: () => fetchGroups((status) => t("workspace.groupsFailed", { status })), initialData: initialGroups });
  const groups = groupsQuery.data;

  // Stable: the drop area keeps the props the server drew it with until it hydrates.
  const onDropFiles = useStableCallback((dropped: File[]) => {
    setLastResult(null);
    items.addFiles(dropped);
  });

  // Paste files from the clipboard anywhere on the page.
  usePastedFiles(onDropFiles);

  // The same bytes dropped twice come back as the same upload: only the first is sent.
  const sameAs = useMemo(() => findRepeats(files), [files]);

  const groupId = knownGroupId(target, groups);
  const doneUploadIds = useMemo(
    () => [...new Set(files.flatMap((f) => (f.status === "done" && f.upload ? [f.upload.id] : [])))].sort(),
    [files],
  );
  const listedUrls = useMemo(() => [...new Set(urls.map((u) => u.url.trim()))].sort(), [urls]);
  const duplicatesQuery = useQuery({
    queryKey: ["duplicates", groupId, doneUploadIds.join(","), listedUrls.join("\n")],
    queryFn: () => fetchDuplicates(groupId ?? null, doneUploadIds, listedUrls),
    enabled: doneUploadIds.length + listedUrls.length > 0,
    staleTime: 30_000,
  });
  const { approvedByUpload, approvedByUrl } = useMemo(() => {
    const found = duplicatesQuery.data ?? [];
    return {
      approvedByUpload: new Map(found.flatMap((d) => (d.uploadId ? [[d.uploadId, d] as const] : []))),
      approvedByUrl: new Map(found.flatMap((d) => (d.sourceUrl ? [[d.sourceUrl, d] as const] : []))),
    };
  }, [duplicatesQuery.data]);

  const readyFiles = files.filter(
    (f) => f.status === "done" && f.upload && !sameAs.has(f.key) && (!approvedByUpload.has(f.upload.id) || f.resubmitApproved),
  );
  // A URL already approved in the group is left out unless it is to be submitted again.
  const [readyUrls, reusedUrls] = useMemo(() => {
    const reused = urls.filter((u) => approvedByUrl.has(u.url.trim()) && !u.resubmitApproved);
    return [urls.filter((u) => !reused.includes(u)), reused];
  }, [urls, approvedByUrl]);
  const reusedCount = files.filter((f) => f.status === "done" && f.upload && approvedByUpload.has(f.upload.id) && !f.resubmitApproved).length + reusedUrls.length;

  // Names must be unique among everything that will be sent.
  const nameErrors = useMemo(() => checkNames(files, readyUrls, sameAs), [files, readyUrls, sameAs]);

  const progress = uploadProgress(files);
  const pending = progress.pending;

  const plannedItems: { type: AssetType; name: string }[] = [
    ...readyFiles.map((f) => ({ type: f.upload!.type, name: f.name.trim() })),
    ...readyUrls.map((u) => ({ type: u.type, name: u.name.trim() })),
  ];
  const plan = splitIntoRequests(plannedItems);
  const targetCheck = targetInput(target, groups);

  const submit = useAction(submitAssetsAction);
  const blockedBecause =
    plannedItems.length === 0
      ? t("workspace.blocked.nothing")
      : pending > 0
        ? t("workspace.blocked.uploading", { count: pending })
        : nameErrors.size > 0
          ? t("workspace.blocked.names")
          : !targetCheck.ok
            ? t(`target.reasons.${targetCheck.reason}`)
            : null;

  async function onSubmit() {
    if (blockedBecause || !targetCheck.ok) return;
    setSubmitError(null);
    const submitted = [...readyFiles.map((f) => f.key), ...readyUrls.map((u) => u.key)];
    const input: SubmitAssetsInput = {
      ...targetCheck.value,
      items: [
        ...readyFiles.map((f) => ({ source: "upload" as const, uploadId: f.upload!.id, name: f.name })),
        ...readyUrls.map((u) => ({ source: "url" as const, url: u.url, type: u.type, name: u.name })),
      ],
    };
    const result = await submit.executeAsync(input);
    if (result?.data) {
      const data = result.data;
      setLastResult(data);
      // Reused approved assets and refused files are done with too; failed uploads stay.
      const reused = files.filter((f) => f.status === "done" && (sameAs.has(f.key) || (f.upload && approvedByUpload.has(f.upload.id) && !f.resubmitApproved))).map((f) => f.key);
      items.clear([...submitted, ...reused, ...reusedUrls.map((u) => u.key)]);
      changeTarget({ kind: "existing", groupId: data.groupId });
      void queryClient.invalidateQueries({ queryKey: groupsQueryKey });
      void queryClient.invalidateQueries({ queryKey: submissionsQueryKey });
      const notSent = data.submissions.filter((s) => s.state !== "SENT").length;
      if (notSent === 0) toast.success(t("workspace.submitted", { count: data.submissions.length }));
      else toast.warning(t("workspace.notSent", { notSent, count: data.submissions.length }));
    } else {
      setSubmitError(message.error(result, t("workspace.submitFailed")));
    }
  }

  const busy = submit.isPending;

  return (
    <div className="flex flex-col gap-8">
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="flex min-w-0 flex-col gap-6">
          <DropZone onFiles={onDropFiles} />
          <input
            ref={replaceInput}
            type="file"
            className="hidden"
            accept={Object.entries(acceptMap())
              .flatMap(([mime, exts]) => [mime, ...exts])
              .join(",")}
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file && replacing.current) items.replaceFile(replacing.current, file);
              replacing.current = null;
              e.target.value = "";
            }}
          />

          {files.length > 0 ? (
            <FilesCard
              files={files}
              progress={progress}
              nameErrors={nameErrors}
              sameAs={sameAs}
              approvedByUpload={approvedByUpload}
              disabled={busy}
              items={items}
              onReplace={(key) => {
                replacing.current = key;
                replaceInput.current?.click();
              }}
            />
          ) : null}

          <Card>
            <CardHeader>
              <CardTitle>{t("workspace.byUrl")}</CardTitle>
              <CardDescription>{t("workspace.byUrlHelp")}</CardDescription>
            </CardHeader>
            <CardContent>
              <UrlItems
                urls={urls}
                nameErrors={nameErrors}
                disabled={busy}
                onAdd={items.addUrls}
                onRename={items.rename}
                onType={items.setUrlType}
                onRemove={items.remove}
                approvedByUrl={approvedByUrl}
                onResubmit={items.setResubmit}
              />
            </CardContent>
          </Card>
        </div>

        <aside className="flex flex-col gap-6 lg:sticky lg:top-6 lg:self-start">
          <Card>
            <CardHeader>
              <CardTitle>{t("workspace.group")}</CardTitle>
              <CardDescription>{t("workspace.groupHelp")}</CardDescription>
            </CardHeader>
            <CardContent>
              <TargetFields target={target} groups={groups} disabled={busy} onChange={changeTarget} />
            </CardContent>
          </Card>

          <SubmitCard
            plan={plan}
            leftOut={{ refused: progress.refused, reused: reusedCount, repeated: sameAs.size }}
            error={submitError}
            busy={busy}
            blockedBecause={blockedBecause}
            lastResult={lastResult}
            onSubmit={() => void onSubmit()}
          />
        </aside>
      </div>

      <SubmissionsPanel initial={initialSubmissions} busy={busy} />
    </div>
  );
}

