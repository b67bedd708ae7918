"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { ArrowRight, History, Loader2, RotateCcw, Send, Trash2, X } from "lucide-react";
import { useAction } from "next-safe-action/hooks";
import { Dialog } from "radix-ui";
import { useState } from "react";
import { toast } from "sonner";
import { AssetStatusBadge } from "@/components/gallery/asset-status-badge";
import { AssetThumbnail } from "@/components/assets/asset-thumbnail";
import { CopyButton } from "@/components/gallery/copy-button";
import { formatBytes, formatDateTime } from "@/lib/format";
import { GenerateVideoButton } from "@/components/generation/generate-video-button";
import { ReplaceFileDrop } from "@/components/gallery/replace-file-drop";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Textarea } from "@/components/ui/input";
import { retrySubmissionAction } from "@/lib/submissions/retry-submission.action";
import { can } from "@/lib/auth/roles";
import type { AssetDetail } from "@/lib/assets/get-asset-detail";
import type { Role } from "@/lib/generated/prisma/enums";
import { dropSubmissionAction } from "@/lib/submissions/drop-submission.action";
import { explainFailure } from "@/lib/assets/explain-failure";
import { useSentence } from "@/lib/i18n/use-sentence";
import { actionErrorMessage } from "@/lib/action-message";
import { useRepairActions } from "@/components/assets/use-repair-actions";

export type Viewer = { id: string; role: Role };

async function fetchDetail(assetId: string): Promise<AssetDetail> {
  const res = await fetch(`/api/assets/${encodeURIComponent(assetId)}`, { cache: "no-store" });
  const body = await res.json().catch(() => null);
  if (!res.ok) throw new Error(body?.error?.message ?? "This asset could not be loaded.");
  return body as AssetDetail;
}

const stateWords: Record<string, string> = {
  PENDING: "waiting",
  IN_REVIEW: "in review",
  APPROVED: "approved",
  REJECTED: "failed",
  REPLACED: "replaced",
  DISMISSED: "dismissed",
};

/**
 * An asset's side panel: preview, name, group, submission, dates, its asset:// URL, why it
 * failed in plain words, its history, the actions the viewer may take, and (for leads and
 * admins) the provider's raw payload.
 */
export function AssetDrawer({
  assetId,
  viewer,
  onClose,
  onOpenAsset,
  onChanged,
}: {
  assetId: string | null;
  viewer: Viewer;
  onClose: () => void;
  onOpenAsset: (id: string) => void;
  onChanged: () => void;
}) {
  const query = useQuery({
    queryKey: ["asset", assetId],
    queryFn: () => fetchDetail(assetId!),
    enabled: assetId !== null,
    refetchInterval: (q) => (q.state.data?.asset.status.live ? 2_500 : false),
  });
  const detail = query.data;

  return (
    <Dialog.Root open={assetId !== null} onOpenChange={(open) => (open ? null : onClose())}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-black/40" />
        <Dialog.Content
          className="fixed inset-x-0 bottom-0 z-50 flex max-h-[92dvh] flex-col rounded-t-xl border border-border bg-card shadow-xl outline-none sm:inset-y-0 sm:left-auto sm:right-0 sm:max-h-none sm:w-[28rem] sm:rounded-none sm:rounded-l-xl"
          data-testid="asset-drawer"
          aria-describedby={undefined}
        >
          <div className="flex items-start justify-between gap-3 border-b border-border p-4">
            <div className="min-w-0">
              <Dialog.Title className="text-base font-semibold break-words" data-testid="drawer-asset-name">
                {detail?.asset.name ?? "Asset"}
              </Dialog.Title>
              {detail ? (
                <div className="mt-1 flex flex-wrap items-center gap-2 text-xs text-muted-foreground">
                  <AssetStatusBadge status={detail.asset.status} />
                  <span>
                    {detail.asset.group.name} · {detail.asset.group.projectName}
                  </span>
                </div>
              ) : null}
            </div>
            <Dialog.Close asChild>
              <Button variant="ghost" size="icon" aria-label="Close">
                <X />
              </Button>
            </Dialog.Close>
          </div>
          <div className="flex-1 space-y-5 overflow-y-auto p-4">
            {query.isPending ? (
              <div className="flex items-center gap-2 text-sm text-muted-foreground">
                <Loader2 className="size-4 animate-spin" /> Loading…
              </div>
            ) : query.isError ? (
              <p className="text-sm text-destructive">{query.error.message}</p>
            ) : detail ? (
              <DrawerBody detail={detail} viewer={viewer} onOpenAsset={onOpenAsset} onChanged={() => (void query.refetch(), onChanged())} />
            ) : null}
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

function DrawerBody({
  detail,
  viewer,
  onOpenAsset,
  onChanged,
}: {
  detail: AssetDetail;
  viewer: Viewer;
  onOpenAsset: (id: string) => void;
  onChanged: () => void;
}) {
  const { asset, submission, history, raw } = detail;
  const isLead = can(viewer.role, "reviewFailed");
  const mayFix = isLead || asset.createdById === viewer.id;
  const say = useSentence();
  const failure = asset.failureReason || asset.failureCode ? explainFailure({ code: asset.failureCode, reason: asset.failureReason, type: asset.type }) : null;
  const queryClient = useQueryClient();
  const changed = () => {
    void queryClient.invalidateQueries({ queryKey: ["failed-queue"] });
    onChanged();
  };

  return (
    <>
      <Preview asset={asset} />

      {asset.assetUrl ? (
        <section className="space-y-1.5">
          <h3 className="text-xs font-medium uppercase tracking-wide text-muted-foreground">Asset URL</h3>
          <div className="flex items-center gap-2">
            <code className="min-w-0 flex-1 rounded-md bg-muted px-2 py-1.5 text-xs break-all" data-testid="drawer-asset-url">
              {asset.assetUrl}
            </code>
            <CopyButton text={asset.assetUrl} label="Copy URL" />
          </div>
          <p className="text-xs text-muted-foreground">Use it as a reference image in a video; it needs no second review.</p>
        </section>
      ) : null}

      {asset.state === "APPROVED" && asset.type !== "AUDIO" ? (
        <section className="flex flex-wrap gap-2" data-slot="generate-video">
          <GenerateVideoButton assetIds={[asset.id]} size="default" className="w-full" />
        </section>
      ) : null}

      {failure ? (
        <section className="space-y-2 rounded-lg border border-destructive/30 bg-destructive/5 p-3" data-testid="drawer-failure">
          <h3 className="text-sm font-semibold text-destructive">{say(failure.title)}</h3>
          <p className="text-sm">{say(failure.explanation)}</p>
          <p className="text-sm text-muted-foreground">{say(failure.advice)}</p>
          {asset.failureReason && failure.category !== "other" ? (
            <p className="break-words text-xs text-muted-foreground">Provider&apos;s words: {asset.failureReason}</p>
          ) : null}
        </section>
      ) : null}

      {asset.dismissNote ? (
        <section className="rounded-lg border border-border bg-muted/50 p-3 text-sm">
          <span className="font-medium">Dismissed:</span> {asset.dismissNote}
        </section>
      ) : null}

      {asset.state === "REJECTED" ? (
        mayFix ? (
          <FailedActions asset={asset} isLead={isLead} onChanged={changed} />
        ) : (
          <p className="text-sm text-muted-foreground">Only the person who submitted it, or a team lead, can resubmit this asset.</p>
        )
      ) : null}

      {(asset.status.key === "unconfirmed" || asset.status.key === "not_sent") && mayFix ? (
        <UnsentActions submissionId={submission.id} status={asset.status.key} error={submission.error} onChanged={changed} />
      ) : null}

      <section>
        <h3 className="mb-2 text-xs font-medium uppercase tracking-wide text-muted-foreground">Details</h3>
        <dl className="grid grid-cols-[8rem_1fr] gap-x-3 gap-y-1.5 text-sm">
          <dt className="text-muted-foreground">Group</dt>
          <dd className="min-w-0 break-words">
            {asset.group.name}
            {asset.group.providerGroupId ? <span className="block text-xs text-muted-foreground">{asset.group.providerGroupId}</span> : null}
          </dd>
          <dt className="text-muted-foreground">Project</dt>
          <dd>{asset.group.projectName}</dd>
          <dt className="text-muted-foreground">Submitted by</dt>
          <dd>{asset.createdByName ?? "—"}</dd>
          <dt className="text-muted-foreground">Submitted</dt>
          <dd>{formatDateTime(asset.createdAt)}</dd>
          <dt className="text-muted-foreground">Reviewed</dt>
          <dd>{formatDateTime(asset.reviewedAt)}</dd>
          <dt className="text-muted-foreground">Submission</dt>
          <dd className="min-w-0">
            <Badge variant="outline">{submission.state.toLowerCase().replace("_", " ")}</Badge>
            {submission.providerTaskId ? <span className="mt-0.5 block font-mono text-xs break-all text-muted-foreground">{submission.providerTaskId}</span> : null}
          </dd>
          {asset.fileName ? (
            <>
              <dt className="text-muted-foreground">File</dt>
              <dd className="min-w-0 break-words">
                {asset.fileName}
                <span className="block text-xs text-muted-foreground">
                  {formatBytes(asset.sizeBytes)}
                  {asset.width && asset.height ? ` · ${asset.width}×${asset.height}` : ""}
                  {asset.durationMs ? ` · ${(asset.durationMs / 1000).toFixed(1)} s` : ""}
                </span>
              </dd>
            </>
          ) : null}
          {asset.providerAssetId ? (
            <>
              <dt className="text-muted-foreground">Provider id</dt>
              <dd className="font-mono text-xs break-all">{asset.providerAssetId}</dd>
            </>
          ) : null}
        </dl>
      </section>

      {history.replaces.length > 0 || history.replacedBy.length > 0 ? (
        <section data-testid="drawer-history">
          <h3 className="mb-2 flex items-center gap-1.5 text-xs font-medium uppercase tracking-wide text-muted-foreground">
            <History className="size-3.5" /> History
          </h3>
          <ol className="space-y-1.5 text-sm">
            {history.replaces.map((step) => (
              <HistoryStep key={step.id} step={step} relation="Replaces" onOpen={onOpenAsset} />
            ))}
            <li className="flex items-center gap-2 rounded-md bg-accent px-2 py-1.5 font-medium">
              <ArrowRight className="size-3.5" /> This asset ({stateWords[asset.state]})
            </li>
            {history.replacedBy.map((step) => (
              <HistoryStep key={step.id} step={step} relation="Replaced by" onOpen={onOpenAsset} />
            ))}
          </ol>
        </section>
      ) : null}

      {raw ? (
        <section>
          <details className="rounded-lg border border-border" data-testid="drawer-raw">
            <summary className="cursor-pointer px-3 py-2 text-sm font-medium">Raw provider payload</summary>
            <div className="space-y-2 border-t border-border p-3">
              <p className="text-xs text-muted-foreground">This asset&apos;s entry</p>
              <pre className="max-h-60 overflow-auto rounded bg-muted p-2 text-[11px] leading-snug">{JSON.stringify(raw.item, null, 2)}</pre>
              <p className="text-xs text-muted-foreground">The whole task, as last received</p>
              <pre className="max-h-80 overflow-auto rounded bg-muted p-2 text-[11px] leading-snug">{JSON.stringify(raw.submission, null, 2)}</pre>
            </div>
          </details>
        </section>
      ) : null}
    </>
  );
}

function Preview({ asset }: { asset: AssetDetail["asset"] }) {
  if (!asset.fileUrl) return <AssetThumbnail type={asset.type} thumbnailUrl={asset.thumbnailUrl} name={asset.name} className="aspect-video rounded-lg" />;
  if (asset.type === "VIDEO") {
    return <video src={asset.fileUrl} poster={asset.thumbnailUrl ?? undefined} controls playsInline className="aspect-video w-full rounded-lg bg-black" />;
  }
  if (asset.type === "AUDIO") {
    return (
      <div className="space-y-2">
        <AssetThumbnail type="AUDIO" thumbnailUrl={null} name={asset.name} className="aspect-[3/1] rounded-lg" />
        <audio src={asset.fileUrl} controls className="w-full" />
      </div>
    );
  }
  return (
    <a href={asset.fileUrl} target="_blank" rel="noreferrer" className="block overflow-hidden rounded-lg bg-muted">
      {/* eslint-disable-next-line @next/next/no-img-element */}
      <img src={asset.fileUrl} alt={asset.name} className="mx-auto max-h-80 object-contain" />
    </a>
  );
}

function HistoryStep({
  step,
  relation,
  onOpen,
}: {
  step: AssetDetail["history"]["replaces"][number];
  relation: string;
  onOpen: (id: string) => void;
}) {
  return (
    <li>
      <button type="button" onClick={() => onOpen(step.id)} className="w-full rounded-md px-2 py-1.5 text-left hover:bg-muted">
        <span className="text-muted-foreground">{relation}</span> <span className="font-medium">{step.name}</span>{" "}
        <span className="text-muted-foreground">· {stateWords[step.state] ?? step.state.toLowerCase()} · {formatDateTime(step.createdAt)}</span>
        {step.failureReason ? <span className="block text-xs break-words text-muted-foreground">{step.failureReason}</span> : null}
      </button>
    </li>
  );
}

function FailedActions({ asset, isLead, onChanged }: { asset: AssetDetail["asset"]; isLead: boolean; onChanged: () => void }) {
  const [note, setNote] = useState("");
  const { resubmit, dismiss } = useRepairActions(asset.name, onChanged);
  return (
    <section className="space-y-3">
      <h3 className="text-xs font-medium uppercase tracking-wide text-muted-foreground">Fix it</h3>
      <ReplaceFileDrop asset={asset} onReplaced={() => onChanged()} />
      <Button variant="outline" className="w-full" disabled={resubmit.isPending} onClick={() => resubmit.execute({ assetIds: [asset.id] })}>
        <RotateCcw /> Resubmit as it is
      </Button>
      {isLead ? (
        <form
          className="space-y-2"
          onSubmit={(e) => {
            e.preventDefault();
            dismiss.execute({ assetIds: [asset.id], note });
          }}
        >
          <Textarea value={note} onChange={(e) => setNote(e.target.value)} placeholder="Why leave it as it is? (e.g. not needed any more)" aria-label="Dismiss note" className="min-h-16" />
          <Button type="submit" variant="ghost" className="w-full text-destructive" disabled={dismiss.isPending || !note.trim()}>
            <Trash2 /> Dismiss with this note
          </Button>
        </form>
      ) : null}
    </section>
  );
}

function UnsentActions({
  submissionId,
  status,
  error,
  onChanged,
}: {
  submissionId: string;
  status: "unconfirmed" | "not_sent";
  error: string | null;
  onChanged: () => void;
}) {
  const resend = useAction(retrySubmissionAction, {
    onSuccess: ({ data }) => {
      toast.success(data?.state === "SENT" ? "Sent for review." : "Resend requested.");
      onChanged();
    },
    onError: ({ error: e }) => toast.error(actionErrorMessage(e, "Could not resend.")),
  });
  const drop = useAction(dropSubmissionAction, {
    onSuccess: () => {
      toast.success("Submission dropped.");
      onChanged();
    },
    onError: ({ error: e }) => toast.error(actionErrorMessage(e, "Could not drop it.")),
  });
  const uncertain = status === "unconfirmed";
  return (
    <section className="space-y-3 rounded-lg border border-warning/40 bg-warning/5 p-3" data-testid="drawer-unsent">
      <h3 className="text-sm font-semibold">{uncertain ? "Not confirmed as received" : "Not sent"}</h3>
      {error ? <p className="text-sm">{error}</p> : null}
      <ul className="space-y-1 text-xs text-muted-foreground">
        <li>
          <span className="font-medium text-foreground">Resend:</span>{" "}
          {uncertain
            ? "if the provider did receive the first request, these assets are reviewed twice and a duplicate asset may appear in the group."
            : "sends the same request again; nothing was created at the provider, so nothing is duplicated."}
        </li>
        <li>
          <span className="font-medium text-foreground">Drop:</span>{" "}
          {uncertain
            ? "nothing more is sent; if the provider did receive it, its verdict is never collected here and you would have to submit these files again."
            : "nothing more is sent; submit the files again later if you still need them."}
        </li>
      </ul>
      <div className="flex gap-2">
        <Button className="flex-1" disabled={resend.isPending} onClick={() => resend.execute({ submissionId, resendUncertain: uncertain })}>
          <Send /> Resend
        </Button>
        <Button variant="outline" className="flex-1" disabled={drop.isPending} onClick={() => drop.execute({ submissionId })}>
          <Trash2 /> Drop
        </Button>
      </div>
    </section>
  );
}
