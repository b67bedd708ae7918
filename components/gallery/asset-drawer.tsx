"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { ArrowRight } from "@/components/icons/arrow-right";
import { History } from "@/components/icons/history";
import { Loader2 } from "@/components/icons/loader-2";
import { RotateCcw } from "@/components/icons/rotate-ccw";
import { Send } from "@/components/icons/send";
import { Trash2 } from "@/components/icons/trash-2";
import { X } from "@/components/icons/x";
import { useAction } from "@/lib/use-action";
import { useTranslations } from "next-intl";
import { Dialog } from "radix-ui";
import { useState } from "react";
import { toast } from "@/components/ui/toast";
import { AssetStatusBadge } from "@/components/gallery/asset-status-badge";
import { AssetThumbnail } from "@/components/assets/asset-thumbnail";
import { CopyButton } from "@/components/gallery/copy-button";
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
import { useActionMessage } from "@/lib/i18n/use-action-message";
import { useFormat } from "@/lib/i18n/use-format";
import { useSentence } from "@/lib/i18n/use-sentence";
import { useRepairActions } from "@/components/assets/use-repair-actions";

export type Viewer = { id: string; role: Role };

async function fetchDetail(assetId: string, failed: string): Promise<AssetDetail> {
  const res = await fetch(`/api/assets/${encodeURIComponent(assetId)}`, { cache: "no-store" });
  const body = await res.json().catch(() => null);
  if (!res.ok) throw new Error(body?.error?.message ?? failed);
  return body as AssetDetail;
}

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
  const t = useTranslations("gallery");
  const query = useQuery({
    queryKey: ["asset", assetId],
    queryFn: () => fetchDetail(assetId!, t("drawer.loadFailed")),
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
                {detail?.asset.name ?? t("drawer.asset")}
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
              <Button variant="ghost" size="icon" aria-label={t("drawer.close")}>
                <X />
              </Button>
            </Dialog.Close>
          </div>
          <div className="flex-1 space-y-5 overflow-y-auto p-4">
            {query.isPending ? (
              <div className="flex items-center gap-2 text-sm text-muted-foreground">
                <Loader2 className="size-4 animate-spin" /> {t("drawer.loading")}
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
  const t = useTranslations("gallery");
  const format = useFormat();
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
          <h3 className="text-xs font-medium uppercase tracking-wide text-muted-foreground">{t("drawer.assetUrl")}</h3>
          <div className="flex items-center gap-2">
            <code className="min-w-0 flex-1 rounded-md bg-muted px-2 py-1.5 text-xs break-all" data-testid="drawer-asset-url">
              {asset.assetUrl}
            </code>
            <CopyButton text={asset.assetUrl} label={t("drawer.copyUrl")} />
          </div>
          <p className="text-xs text-muted-foreground">{t("drawer.assetUrlHelp")}</p>
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
            <p className="break-words text-xs text-muted-foreground" data-provider-words>
              {t("drawer.providerWords", { reason: asset.failureReason })}
            </p>
          ) : null}
        </section>
      ) : null}

      {asset.dismissNote ? (
        <section className="rounded-lg border border-border bg-muted/50 p-3 text-sm">
          <span className="font-medium">{t("drawer.dismissed")}</span> {asset.dismissNote}
        </section>
      ) : null}

      {asset.state === "REJECTED" ? (
        mayFix ? (
          <FailedActions asset={asset} isLead={isLead} onChanged={changed} />
        ) : (
          <p className="text-sm text-muted-foreground">{t("drawer.onlySubmitter")}</p>
        )
      ) : null}

      {(asset.status.key === "unconfirmed" || asset.status.key === "not_sent") && mayFix ? (
        <UnsentActions submissionId={submission.id} status={asset.status.key} error={submission.error} onChanged={changed} />
      ) : null}

      <section>
        <h3 className="mb-2 text-xs font-medium uppercase tracking-wide text-muted-foreground">{t("drawer.details")}</h3>
        <dl className="grid grid-cols-[8rem_1fr] gap-x-3 gap-y-1.5 text-sm">
          <dt className="text-muted-foreground">{t("drawer.group")}</dt>
          <dd className="min-w-0 break-words">
            {asset.group.name}
            {asset.group.providerGroupId ? <span className="block text-xs text-muted-foreground">{asset.group.providerGroupId}</span> : null}
          </dd>
          <dt className="text-muted-foreground">{t("drawer.project")}</dt>
          <dd>{asset.group.projectName}</dd>
          <dt className="text-muted-foreground">{t("drawer.submittedBy")}</dt>
          <dd>{asset.createdByName ?? "—"}</dd>
          <dt className="text-muted-foreground">{t("drawer.submitted")}</dt>
          <dd>{format.dateTimeWithZone(asset.createdAt)}</dd>
          <dt className="text-muted-foreground">{t("drawer.reviewed")}</dt>
          <dd>{format.dateTimeWithZone(asset.reviewedAt)}</dd>
          <dt className="text-muted-foreground">{t("drawer.submission")}</dt>
          <dd className="min-w-0">
            <Badge variant="outline">{t(`drawer.submissionStates.${submission.state}`)}</Badge>
            {submission.providerTaskId ? <span className="mt-0.5 block font-mono text-xs break-all text-muted-foreground">{submission.providerTaskId}</span> : null}
          </dd>
          {asset.fileName ? (
            <>
              <dt className="text-muted-foreground">{t("drawer.file")}</dt>
              <dd className="min-w-0 break-words">
                {asset.fileName}
                <span className="block text-xs text-muted-foreground">
                  {format.bytes(asset.sizeBytes)}
                  {asset.width && asset.height ? ` · ${asset.width}×${asset.height}` : ""}
                  {asset.durationMs ? ` · ${format.seconds(asset.durationMs)}` : ""}
                </span>
              </dd>
            </>
          ) : null}
          {asset.providerAssetId ? (
            <>
              <dt className="text-muted-foreground">{t("drawer.providerId")}</dt>
              <dd className="font-mono text-xs break-all">{asset.providerAssetId}</dd>
            </>
          ) : null}
        </dl>
      </section>

      {history.replaces.length > 0 || history.replacedBy.length > 0 ? (
        <section data-testid="drawer-history">
          <h3 className="mb-2 flex items-center gap-1.5 text-xs font-medium uppercase tracking-wide text-muted-foreground">
            <History className="size-3.5" /> {t("drawer.history")}
          </h3>
          <ol className="space-y-1.5 text-sm">
            {history.replaces.map((step) => (
              <HistoryStep key={step.id} step={step} relation={t("drawer.replaces")} onOpen={onOpenAsset} />
            ))}
            <li className="flex items-center gap-2 rounded-md bg-accent px-2 py-1.5 font-medium">
              <ArrowRight className="size-3.5" /> {t("drawer.thisAsset", { state: t(`drawer.states.${asset.state}`) })}
            </li>
            {history.replacedBy.map((step) => (
              <HistoryStep key={step.id} step={step} relation={t("drawer.replacedBy")} onOpen={onOpenAsset} />
            ))}
          </ol>
        </section>
      ) : null}

      {raw ? (
        <section>
          <details className="rounded-lg border border-border" data-testid="drawer-raw">
            <summary className="cursor-pointer px-3 py-2 text-sm font-medium">{t("drawer.raw")}</summary>
            <div className="space-y-2 border-t border-border p-3">
              <p className="text-xs text-muted-foreground">{t("drawer.rawItem")}</p>
              <pre className="max-h-60 overflow-auto rounded bg-muted p-2 text-[11px] leading-snug">{JSON.stringify(raw.item, null, 2)}</pre>
              <p className="text-xs text-muted-foreground">{t("drawer.rawTask")}</p>
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
  const t = useTranslations("gallery");
  const format = useFormat();
  return (
    <li>
      <button type="button" onClick={() => onOpen(step.id)} className="w-full rounded-md px-2 py-1.5 text-left hover:bg-muted">
        <span className="text-muted-foreground">{relation}</span> <span className="font-medium">{step.name}</span>{" "}
        <span className="text-muted-foreground">· {t(`drawer.states.${step.state}`)} · {format.dateTime(step.createdAt)}</span>
        {step.failureReason ? (
          <span className="block text-xs break-words text-muted-foreground" data-provider-words>
            {step.failureReason}
          </span>
        ) : null}
      </button>
    </li>
  );
}

function FailedActions({ asset, isLead, onChanged }: { asset: AssetDetail["asset"]; isLead: boolean; onChanged: () => void }) {
  const t = useTranslations("gallery");
  const [note, setNote] = useState("");
  const { resubmit, dismiss } = useRepairActions(asset.name, onChanged);
  return (
    <section className="space-y-3">
      <h3 className="text-xs font-medium uppercase tracking-wide text-muted-foreground">{t("drawer.fixIt")}</h3>
      <ReplaceFileDrop asset={asset} onReplaced={() => onChanged()} />
      <Button variant="outline" className="w-full" disabled={resubmit.isPending} onClick={() => resubmit.execute({ assetIds: [asset.id] })}>
        <RotateCcw /> {t("drawer.resubmitAsIs")}
      </Button>
      {isLead ? (
        <form
          className="space-y-2"
          onSubmit={(e) => {
            e.preventDefault();
            dismiss.execute({ assetIds: [asset.id], note });
          }}
        >
          <Textarea value={note} onChange={(e) => setNote(e.target.value)} placeholder={t("drawer.dismissPlaceholder")} aria-label={t("drawer.dismissNote")} className="min-h-16" />
          <Button type="submit" variant="ghost" className="w-full text-destructive" disabled={dismiss.isPending || !note.trim()}>
            <Trash2 /> {t("drawer.dismissWithNote")}
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
  const t = useTranslations("gallery");
  const message = useActionMessage();
  const resend = useAction(retrySubmissionAction, {
    onSuccess: ({ data }) => {
      toast.success(data?.state === "SENT" ? t("drawer.unsent.sent") : t("drawer.unsent.resendRequested"));
      onChanged();
    },
    onError: ({ error: e }) => toast.error(message.error(e, t("drawer.unsent.resendFailed"))),
  });
  const drop = useAction(dropSubmissionAction, {
    onSuccess: () => {
      toast.success(t("drawer.unsent.dropped"));
      onChanged();
    },
    onError: ({ error: e }) => toast.error(message.error(e, t("drawer.unsent.dropFailed"))),
  });
  const uncertain = status === "unconfirmed";
  return (
    <section className="space-y-3 rounded-lg border border-warning/40 bg-warning/5 p-3" data-testid="drawer-unsent">
      <h3 className="text-sm font-semibold">{uncertain ? t("drawer.unsent.unconfirmedTitle") : t("drawer.unsent.notSentTitle")}</h3>
      {error ? <p className="text-sm">{error}</p> : null}
      <ul className="space-y-1 text-xs text-muted-foreground">
        <li>
          <span className="font-medium text-foreground">{t("drawer.unsent.resendLabel")}</span>{" "}
          {uncertain ? t("drawer.unsent.resendUncertain") : t("drawer.unsent.resendNotSent")}
        </li>
        <li>
          <span className="font-medium text-foreground">{t("drawer.unsent.dropLabel")}</span>{" "}
          {uncertain ? t("drawer.unsent.dropUncertain") : t("drawer.unsent.dropNotSent")}
        </li>
      </ul>
      <div className="flex gap-2">
        <Button className="flex-1" disabled={resend.isPending} onClick={() => resend.execute({ submissionId, resendUncertain: uncertain })}>
          <Send /> {t("drawer.unsent.resend")}
        </Button>
        <Button variant="outline" className="flex-1" disabled={drop.isPending} onClick={() => drop.execute({ submissionId })}>
          <Trash2 /> {t("drawer.unsent.drop")}
        </Button>
      </div>
    </section>
  );
}
