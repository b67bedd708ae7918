"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { ArrowRight, CheckCircle2, ClipboardPaste, Loader2, RefreshCw, Send, UploadCloud } from "lucide-react";
import Link from "next/link";
import { useAction } from "next-safe-action/hooks";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useDropzone } from "react-dropzone";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { ApprovedDuplicate } from "@/lib/assets/find-approved-duplicates";
import type { GroupOption } from "@/lib/assets/list-groups";
import type { SubmissionList } from "@/lib/assets/list-submissions";
import { splitIntoRequests } from "@/lib/assets/split-into-requests";
import { submitAssetsAction } from "@/lib/assets/submit-assets";
import type { SubmitAssetsInput } from "@/lib/assets/submit-assets.validation";
import type { SubmitAssetsResult } from "@/lib/assets/submit-assets-for-team";
import { MAX_ASSET_NAME_LENGTH } from "@/lib/assets/unique-names";
import type { AssetType } from "@/lib/generated/prisma/enums";
import { formatLabels } from "@/lib/media/describe-media";
import { acceptMap, audioLimits, BYTES_PER_MB, imageLimits, videoLimits } from "@/lib/media/limits";
import { cn } from "@/lib/utils";
import { FileRow } from "./file-row";
import { countWords } from "./format";
import { ProgressBar } from "./progress-bar";
import { SubmissionsPanel, submissionsQueryKey } from "./submissions-panel";
import { initialTarget, knownGroupId, TargetFields, type TargetState, targetInput } from "./target-fields";
import { UrlItems } from "./url-items";
import { type FileItem, countsForNames, useUploadItems } from "./use-upload-items";

type Props = {
  userId: string;
  defaultProjectName: string;
  initialGroups: GroupOption[];
  initialSubmissions: SubmissionList;
  /** The team's provider is on a private address (the simulator): private URL assets are let through. */
  providerIsPrivate: boolean;
};

const groupsQueryKey = ["groups"] as const;

async function fetchGroups(): Promise<GroupOption[]> {
  const res = await fetch("/api/groups", { cache: "no-store" });
  if (!res.ok) throw new Error(`Could not load the groups (HTTP ${res.status}).`);
  return ((await res.json()) as { groups: GroupOption[] }).groups;
}

async function fetchDuplicates(groupId: string, uploadIds: string[]): Promise<ApprovedDuplicate[]> {
  const res = await fetch(`/api/groups/${encodeURIComponent(groupId)}/duplicates?uploadIds=${uploadIds.map(encodeURIComponent).join(",")}`, { cache: "no-store" });
  if (!res.ok) return [];
  return ((await res.json()) as { duplicates: ApprovedDuplicate[] }).duplicates;
}

const mb = (bytes: number) => bytes / BYTES_PER_MB;

export function UploadWorkspace({ userId, defaultProjectName, initialGroups, initialSubmissions, providerIsPrivate }: Props) {
  const queryClient = useQueryClient();
  const items = useUploadItems(`avatar-studio.upload-draft.v1.${userId}`, { providerIsPrivate });
  const { files, urls } = items;
  const [target, setTarget] = useState<TargetState>(() => initialTarget(defaultProjectName));
  const [lastResult, setLastResult] = useState<SubmitAssetsResult | null>(null);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const replaceInput = useRef<HTMLInputElement>(null);
  const replacing = useRef<string | null>(null);
  const targetKey = `avatar-studio.upload-target.v1.${userId}`;

  const groupsQuery = useQuery({ queryKey: groupsQueryKey, queryFn: fetchGroups, initialData: initialGroups });
  const groups = groupsQuery.data;

  // Keep the chosen target across reloads.
  useEffect(() => {
    try {
      const saved = JSON.parse(window.localStorage.getItem(targetKey) ?? "null") as TargetState | null;
      if (saved && typeof saved.kind === "string") setTarget({ ...initialTarget(defaultProjectName), ...saved });
    } catch {}
  }, [targetKey, defaultProjectName]);
  const changeTarget = useCallback(
    (change: Partial<TargetState>) =>
      setTarget((t) => {
        const next = { ...t, ...change };
        try {
          window.localStorage.setItem(targetKey, JSON.stringify(next));
        } catch {}
        return next;
      }),
    [targetKey],
  );

  const { addFiles } = items;
  const dropzone = useDropzone({
    onDrop: (accepted, rejected) => {
      setLastResult(null);
      addFiles([...accepted, ...rejected.map((r) => r.file)]);
    },
    accept: acceptMap(),
    multiple: true,
  });

  // Paste files from the clipboard anywhere on the page.
  useEffect(() => {
    const onPaste = (e: ClipboardEvent) => {
      const pasted = Array.from(e.clipboardData?.files ?? []);
      if (pasted.length === 0) return;
      e.preventDefault();
      setLastResult(null);
      addFiles(pasted);
      toast.success(`${pasted.length} ${pasted.length === 1 ? "file" : "files"} pasted`);
    };
    window.addEventListener("paste", onPaste);
    return () => window.removeEventListener("paste", onPaste);
  }, [addFiles]);

  // The same bytes dropped twice come back as the same upload: only the first is sent.
  const sameAs = useMemo(() => {
    const first = new Map<string, FileItem>();
    const result = new Map<string, string>();
    for (const f of files) {
      if (f.status !== "done" || !f.upload) continue;
      const earlier = first.get(f.upload.id);
      if (earlier) result.set(f.key, earlier.name);
      else first.set(f.upload.id, f);
    }
    return result;
  }, [files]);

  const groupId = knownGroupId(target, groups);
  const doneUploadIds = useMemo(
    () => [...new Set(files.flatMap((f) => (f.status === "done" && f.upload ? [f.upload.id] : [])))].sort(),
    [files],
  );
  const duplicatesQuery = useQuery({
    queryKey: ["duplicates", groupId, doneUploadIds.join(",")],
    queryFn: () => fetchDuplicates(groupId!, doneUploadIds),
    enabled: !!groupId && doneUploadIds.length > 0,
    staleTime: 30_000,
  });
  const approvedByUpload = useMemo(() => new Map((groupId ? (duplicatesQuery.data ?? []) : []).map((d) => [d.uploadId, d])), [duplicatesQuery.data, groupId]);

  const readyFiles = files.filter(
    (f) => f.status === "done" && f.upload && !sameAs.has(f.key) && (!approvedByUpload.has(f.upload.id) || f.resubmitApproved),
  );
  const reusedCount = files.filter((f) => f.status === "done" && f.upload && approvedByUpload.has(f.upload.id) && !f.resubmitApproved).length;

  // Names must be unique among everything that will be sent.
  const nameErrors = useMemo(() => {
    const errors = new Map<string, string>();
    const holders = new Map<string, string>();
    const check = (key: string, raw: string) => {
      const name = raw.trim();
      if (!name) return errors.set(key, "Give this asset a name.");
      if (name.length > MAX_ASSET_NAME_LENGTH) return errors.set(key, `At most ${MAX_ASSET_NAME_LENGTH} characters.`);
      const holder = holders.get(name);
      if (holder) errors.set(key, "Another asset in this submission has this name.");
      else holders.set(name, key);
    };
    for (const f of files) if (countsForNames(f) && !sameAs.has(f.key)) check(f.key, f.name);
    for (const u of urls) check(u.key, u.name);
    return errors;
  }, [files, urls, sameAs]);

  const counting = files.filter((f) => f.status !== "refused");
  const totalBytes = counting.reduce((n, f) => n + f.sizeBytes, 0);
  const sentBytes = counting.reduce((n, f) => n + (f.status === "done" ? f.sizeBytes : Math.min(f.loaded, f.sizeBytes)), 0);
  const pending = files.filter((f) => f.status === "checking" || f.status === "queued" || f.status === "uploading").length;
  const failed = files.filter((f) => f.status === "failed").length;
  const refused = files.filter((f) => f.status === "refused").length;
  const uploaded = files.filter((f) => f.status === "done").length;

  const plannedItems: { type: AssetType; name: string }[] = [
    ...readyFiles.map((f) => ({ type: f.upload!.type, name: f.name.trim() })),
    ...urls.map((u) => ({ type: u.type, name: u.name.trim() })),
  ];
  const plan = splitIntoRequests(plannedItems);
  const targetCheck = targetInput(target, groups);

  const submit = useAction(submitAssetsAction);
  const blockedBecause =
    plannedItems.length === 0
      ? "Add files or URLs to submit."
      : pending > 0
        ? `Waiting for ${pending} ${pending === 1 ? "file" : "files"} to finish uploading.`
        : nameErrors.size > 0
          ? "Fix the asset names marked in red."
          : !targetCheck.ok
            ? targetCheck.reason
            : null;

  async function onSubmit() {
    if (blockedBecause || !targetCheck.ok) return;
    setSubmitError(null);
    const submitted = [...readyFiles.map((f) => f.key), ...urls.map((u) => u.key)];
    const input: SubmitAssetsInput = {
      ...targetCheck.value,
      items: [
        ...readyFiles.map((f) => ({ source: "upload" as const, uploadId: f.upload!.id, name: f.name })),
        ...urls.map((u) => ({ source: "url" as const, url: u.url, type: u.type, name: u.name })),
      ],
    };
    const result = await submit.executeAsync(input);
    if (result?.data) {
      const data = result.data;
      setLastResult(data);
      // Reused approved assets and refused files are done with too; failed uploads stay.
      const reused = files.filter((f) => f.status === "done" && (sameAs.has(f.key) || (f.upload && approvedByUpload.has(f.upload.id) && !f.resubmitApproved))).map((f) => f.key);
      items.clear([...submitted, ...reused]);
      changeTarget({ kind: "existing", groupId: data.groupId });
      void queryClient.invalidateQueries({ queryKey: groupsQueryKey });
      void queryClient.invalidateQueries({ queryKey: submissionsQueryKey });
      const notSent = data.submissions.filter((s) => s.state !== "SENT").length;
      if (notSent === 0) toast.success(`Submitted for review in ${data.submissions.length} ${data.submissions.length === 1 ? "request" : "requests"}`);
      else toast.warning(`${notSent} of ${data.submissions.length} requests did not reach the provider. Retry them below.`);
    } else {
      setSubmitError(result?.serverError ?? firstValidationMessage(result?.validationErrors) ?? "The submission failed. Nothing was sent.");
    }
  }

  const busy = submit.isPending;

  return (
    <div className="flex flex-col gap-8">
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="flex min-w-0 flex-col gap-6">
          <div
            {...dropzone.getRootProps({
              className: cn(
                "group flex cursor-pointer flex-col items-center justify-center gap-3 rounded-xl border-2 border-dashed border-border bg-card px-6 py-10 text-center transition-colors hover:border-primary/60 hover:bg-accent/40 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring sm:py-14",
                dropzone.isDragActive && "border-primary bg-accent",
              ),
            })}
            data-testid="dropzone"
          >
            <input {...dropzone.getInputProps()} data-testid="upload-input" aria-label="Choose files to upload" />
            <span className={cn("flex size-12 items-center justify-center rounded-full bg-accent text-primary transition-transform", dropzone.isDragActive && "scale-110")}>
              <UploadCloud className="size-6" aria-hidden />
            </span>
            <div>
              <p className="text-base font-medium">{dropzone.isDragActive ? "Drop to add them" : "Drop images, videos and audio here"}</p>
              <p className="mt-1 flex flex-wrap items-center justify-center gap-x-1.5 text-sm text-muted-foreground">
                <span>or click to browse</span>
                <span aria-hidden>·</span>
                <span className="inline-flex items-center gap-1">
                  <ClipboardPaste className="size-3.5" aria-hidden /> paste from the clipboard
                </span>
              </p>
            </div>
            <ul className="mt-1 grid max-w-2xl gap-1 text-xs text-muted-foreground sm:grid-cols-3 sm:gap-3">
              <li>
                <strong className="font-medium text-foreground">Images</strong> {formatLabels("IMAGE")}; {imageLimits.minSidePx}–{imageLimits.maxSidePx} px a side, ratio{" "}
                {imageLimits.minAspectRatio}–{imageLimits.maxAspectRatio}, under {mb(imageLimits.maxBytesExclusive)} MB
              </li>
              <li>
                <strong className="font-medium text-foreground">Videos</strong> {formatLabels("VIDEO")}; {videoLimits.minDurationMs / 1000}–{videoLimits.maxDurationMs / 1000} s,{" "}
                {videoLimits.minFps}–{videoLimits.maxFps} fps, 480p or 720p, up to {mb(videoLimits.maxBytes)} MB
              </li>
              <li>
                <strong className="font-medium text-foreground">Audio</strong> {formatLabels("AUDIO")}; {audioLimits.minDurationMs / 1000}–{audioLimits.maxDurationMs / 1000} s, up to{" "}
                {mb(audioLimits.maxBytes)} MB
              </li>
            </ul>
          </div>
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
            <Card>
              <CardHeader className="gap-3">
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <CardTitle>
                    Files <span className="font-normal text-muted-foreground">({files.length})</span>
                  </CardTitle>
                  {failed > 0 ? (
                    <Button size="sm" variant="outline" onClick={items.retryAllFailed}>
                      <RefreshCw /> Retry all failed ({failed})
                    </Button>
                  ) : null}
                </div>
                <div className="flex flex-col gap-1.5">
                  <ProgressBar
                    value={totalBytes > 0 ? sentBytes / totalBytes : 0}
                    tone={pending === 0 && failed === 0 && uploaded > 0 ? "success" : "primary"}
                    label="All uploads"
                    data-testid="overall-progress"
                    data-done={pending === 0 ? "true" : "false"}
                  />
                  <p className="text-xs text-muted-foreground" aria-live="polite" data-testid="upload-summary">
                    {uploaded} of {files.length - refused} uploaded
                    {pending > 0 ? ` · ${pending} in progress` : ""}
                    {failed > 0 ? ` · ${failed} failed` : ""}
                    {refused > 0 ? ` · ${refused} refused` : ""}
                  </p>
                </div>
              </CardHeader>
              <CardContent className="px-3 sm:px-5">
                <ul className="flex flex-col gap-2">
                  {files.map((item) => (
                    <FileRow
                      key={item.key}
                      item={item}
                      nameError={nameErrors.get(item.key) ?? null}
                      sameAs={sameAs.get(item.key) ?? null}
                      approved={item.upload ? (approvedByUpload.get(item.upload.id) ?? null) : null}
                      disabled={busy}
                      onRename={(name) => items.rename(item.key, name)}
                      onRemove={() => items.remove(item.key)}
                      onRetry={() => items.retry(item.key)}
                      onReplace={() => {
                        replacing.current = item.key;
                        replaceInput.current?.click();
                      }}
                      onResubmit={(v) => items.setResubmit(item.key, v)}
                    />
                  ))}
                </ul>
              </CardContent>
            </Card>
          ) : null}

          <Card>
            <CardHeader>
              <CardTitle>Add by URL</CardTitle>
              <CardDescription>Files already online: the provider fetches them for review.</CardDescription>
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
              />
            </CardContent>
          </Card>
        </div>

        <aside className="flex flex-col gap-6 lg:sticky lg:top-6 lg:self-start">
          <Card>
            <CardHeader>
              <CardTitle>Group</CardTitle>
              <CardDescription>Every request of this submission goes into the same group.</CardDescription>
            </CardHeader>
            <CardContent>
              <TargetFields target={target} groups={groups} disabled={busy} onChange={changeTarget} />
            </CardContent>
          </Card>

          <Card>
            <CardHeader>
              <CardTitle>Submit for review</CardTitle>
              <CardDescription>One request per type, 20 assets at most in each.</CardDescription>
            </CardHeader>
            <CardContent className="flex flex-col gap-4">
              {plan.length > 0 ? (
                <ul className="flex flex-col gap-1 text-sm" data-testid="request-plan">
                  {plan.map((r, i) => (
                    <li key={i} className="flex items-center justify-between gap-2">
                      <span className="text-muted-foreground">Request {i + 1}</span>
                      <span className="font-medium">{countWords(r.items.length, r.assetType)}</span>
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="text-sm text-muted-foreground">Nothing ready yet.</p>
              )}
              {refused > 0 || reusedCount > 0 || sameAs.size > 0 ? (
                <p className="text-xs text-muted-foreground">
                  Left out: {[refused > 0 && `${refused} refused`, reusedCount > 0 && `${reusedCount} already approved`, sameAs.size > 0 && `${sameAs.size} repeated`].filter(Boolean).join(", ")}.
                </p>
              ) : null}
              {submitError ? (
                <p role="alert" className="rounded-md bg-destructive/10 p-2.5 text-sm text-destructive">
                  {submitError}
                </p>
              ) : null}
              <Button size="lg" onClick={() => void onSubmit()} disabled={!!blockedBecause || busy}>
                {busy ? <Loader2 className="animate-spin" /> : <Send />}
                {busy ? "Submitting…" : "Submit for review"}
              </Button>
              {blockedBecause && !busy ? <p className="text-xs text-muted-foreground">{blockedBecause}</p> : null}
              {lastResult ? <SubmittedNote result={lastResult} /> : null}
            </CardContent>
          </Card>
        </aside>
      </div>

      <SubmissionsPanel initial={initialSubmissions} busy={busy} />
    </div>
  );
}

function SubmittedNote({ result }: { result: SubmitAssetsResult }) {
  const assets = result.submissions.reduce((n, s) => n + s.assetCount, 0);
  const notSent = result.submissions.filter((s) => s.state !== "SENT").length;
  return (
    <div className="flex flex-col gap-2 rounded-md border border-success/30 bg-success/5 p-3 text-sm" data-testid="submitted-note">
      <p className="flex items-start gap-2">
        <CheckCircle2 className="mt-0.5 size-4 shrink-0 text-success" aria-hidden />
        <span>
          {assets} {assets === 1 ? "asset" : "assets"} submitted to “{result.groupName}” in {result.submissions.length}{" "}
          {result.submissions.length === 1 ? "request" : "requests"}.
          {notSent > 0 ? <span className="text-destructive"> {notSent} did not reach the provider yet: see below.</span> : null}
        </span>
      </p>
      <Link href="/gallery" className="inline-flex items-center gap-1 font-medium text-primary hover:underline">
        Follow the review in the gallery <ArrowRight className="size-4" aria-hidden />
      </Link>
    </div>
  );
}

/** The first message in next-safe-action's nested validation errors. */
function firstValidationMessage(errors: unknown): string | null {
  if (!errors || typeof errors !== "object") return null;
  const own = (errors as { _errors?: unknown })._errors;
  if (Array.isArray(own) && typeof own[0] === "string") return own[0];
  for (const [key, value] of Object.entries(errors)) {
    if (key === "_errors") continue;
    const found = firstValidationMessage(value);
    if (found) return found;
  }
  return null;
}
