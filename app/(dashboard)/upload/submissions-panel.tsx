"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { ArrowRight } from "@/components/icons/arrow-right";
import { AudioLines } from "@/components/icons/audio-lines";
import { Clapperboard } from "@/components/icons/clapperboard";
import { ImageIcon } from "@/components/icons/image-icon";
import { Loader2 } from "@/components/icons/loader-2";
import { RefreshCw } from "@/components/icons/refresh-cw";
import { lazyClient } from "@/components/ui/lazy-client";
import Link from "next/link";
import { useAction } from "@/lib/use-action";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "@/components/ui/toast";
import { Badge } from "@/components/ui/badge";
import { Button, buttonVariants } from "@/components/ui/button";
import type { SubmissionBatch, SubmissionList, SubmissionRequest } from "@/lib/submissions/list-submissions";
import { retrySubmissionAction } from "@/lib/submissions/retry-submission.action";
import type { SubmissionState } from "@/lib/generated/prisma/enums";
import { cn } from "@/lib/utils";
import { RelativeTime } from "@/components/ui/relative-time";
import { useFormat } from "@/lib/i18n/use-format";
import { ProgressBar } from "./progress-bar";
import { submissionsQueryKey } from "./submissions-query-key";
import { useActionMessage } from "@/lib/i18n/use-action-message";

const ConfirmDialog = lazyClient(() => import("@/components/assets/confirm-dialog").then((m) => m.ConfirmDialog));

async function fetchSubmissions(failed: (status: number) => string): Promise<SubmissionList> {
  const res = await fetch("/api/submissions", { cache: "no-cache" });
  if (!res.ok) throw new Error(failed(res.status));
  return (await res.json()) as SubmissionList;
}

/** Each state's badge colour; its words are `upload.submissions.states.<STATE>`. */
const stateVariant: Record<SubmissionState, "default" | "success" | "warning" | "destructive" | "info" | "outline"> = {
  QUEUED: "outline",
  SENT: "info",
  COMPLETED: "success",
  PARTIAL: "warning",
  FAILED: "destructive",
  SEND_FAILED: "destructive",
  UNCERTAIN: "warning",
};

const typeIcon = { IMAGE: ImageIcon, VIDEO: Clapperboard, AUDIO: AudioLines } as const;

/** The team's recent submits, polled while any request may still change by itself. */
export function SubmissionsPanel({ initial, busy }: { initial: SubmissionList; busy: boolean }) {
  const t = useTranslations("upload");
  const query = useQuery({
    queryKey: submissionsQueryKey,
    queryFn: () => fetchSubmissions((status) => t("submissions.loadFailed", { status })),
    initialData: initial,
    refetchInterval: (q) => (busy ? 1000 : q.state.data?.active ? 2000 : false),
  });
  const batches = query.data.batches;
  return (
    <section aria-labelledby="recent-submissions" className="flex flex-col gap-3">
      <div className="flex flex-wrap items-end justify-between gap-2">
        <div>
          <h2 id="recent-submissions" className="text-base font-semibold">
            {t("submissions.title")}
          </h2>
          <p className="text-sm text-muted-foreground">{t("submissions.description")}</p>
        </div>
        <Link href="/gallery" className={buttonVariants({ variant: "outline", size: "sm" })}>
          {t("submissions.openGallery")} <ArrowRight />
        </Link>
      </div>
      {query.isError ? <p className="text-sm text-destructive">{(query.error as Error).message}</p> : null}
      {batches.length === 0 ? (
        <p className="rounded-lg border border-dashed border-border p-6 text-center text-sm text-muted-foreground">{t("submissions.empty")}</p>
      ) : (
        <ul className="flex flex-col gap-3">
          {batches.map((batch) => (
            <BatchCard key={batch.key} batch={batch} />
          ))}
        </ul>
      )}
    </section>
  );
}

function BatchCard({ batch }: { batch: SubmissionBatch }) {
  const t = useTranslations("upload");
  const assets = batch.requests.reduce((n, r) => n + r.assetCount, 0);
  return (
    <li className="overflow-hidden rounded-lg border border-border bg-card" data-testid="submission-batch" data-group={batch.group.name}>
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 border-b border-border bg-muted/40 px-4 py-2.5">
        <p className="min-w-0 text-sm">
          <span className="font-semibold">{batch.group.name}</span>
          <span className="text-muted-foreground"> · {batch.projectName}</span>
        </p>
        <p className="text-xs text-muted-foreground">
          {t("submissions.batch", { assets, requests: batch.requests.length })}
          {batch.submittedBy ? ` · ${batch.submittedBy}` : ""} · <RelativeTime iso={batch.submittedAt} />
        </p>
      </div>
      <ul className="divide-y divide-border">
        {batch.requests.map((request) => (
          <RequestRow key={request.id} request={request} />
        ))}
      </ul>
    </li>
  );
}

function RequestRow({ request }: { request: SubmissionRequest }) {
  const t = useTranslations("upload");
  const format = useFormat();
  const message = useActionMessage();
  const queryClient = useQueryClient();
  const [confirmResend, setConfirmResend] = useState(false);
  const retry = useAction(retrySubmissionAction, {
    onSuccess: ({ data }) => {
      if (data?.state === "SENT") toast.success(t("submissions.reached"));
      else if (data?.error) toast.error(data.error);
    },
    onError: ({ error }) => toast.error(message.error(error, t("submissions.retryFailed"))),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: submissionsQueryKey }),
  });
  const Icon = typeIcon[request.assetType];
  const reviewed = request.counts.APPROVED + request.counts.REJECTED + request.counts.REPLACED + request.counts.DISMISSED;
  const inReview = request.state === "SENT";
  return (
    <li className="flex flex-col gap-2 px-4 py-3" data-testid="submission-request" data-state={request.state} data-type={request.assetType}>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1.5">
        <span className="flex items-center gap-1.5 text-sm font-medium">
          <Icon className="size-4 text-muted-foreground" aria-hidden />
          {format.count(request.assetCount, request.assetType)}
        </span>
        <Badge variant={stateVariant[request.state]} data-testid="submission-state">
          {request.state === "QUEUED" ? <Loader2 className="size-3 animate-spin" aria-hidden /> : null}
          {t(`submissions.states.${request.state}`)}
        </Badge>
        {request.providerTaskId ? (
          <code className="max-w-full rounded bg-muted px-1.5 py-0.5 font-mono text-xs break-all text-muted-foreground" title={t("submissions.providerTask")} data-testid="task-id">
            {request.providerTaskId}
          </code>
        ) : null}
        {reviewed > 0 || request.counts.APPROVED > 0 ? (
          <span className="text-xs text-muted-foreground">
            <span className="text-success">{t("submissions.approved", { count: request.counts.APPROVED })}</span>
            {request.counts.REJECTED > 0 ? <span className="text-destructive">{t("submissions.rejected", { count: request.counts.REJECTED })}</span> : null}
          </span>
        ) : null}
      </div>
      {inReview ? <ProgressBar value={Math.max(request.progress, 5) / 100} label={t("submissions.progress")} className="max-w-md" /> : null}
      {request.error && (request.state === "SEND_FAILED" || request.state === "UNCERTAIN") ? (
        <div className={cn("flex flex-col gap-2 rounded-md p-2.5 text-xs sm:flex-row sm:items-center sm:justify-between", request.state === "UNCERTAIN" ? "bg-warning/10" : "bg-destructive/10")}>
          <p className={request.state === "UNCERTAIN" ? "text-warning" : "text-destructive"}>
            {request.error}
            {request.autoRetryAt ? <span className="text-muted-foreground"> {t("submissions.autoRetry")}</span> : null}
          </p>
          <Button
            size="sm"
            variant="outline"
            className="shrink-0"
            disabled={retry.isPending}
            onClick={() => {
              if (request.state === "UNCERTAIN") {
                setConfirmResend(true);
              } else {
                retry.execute({ submissionId: request.id });
              }
            }}
          >
            {retry.isPending ? <Loader2 className="animate-spin" /> : <RefreshCw />}
            {request.state === "UNCERTAIN" ? t("submissions.resendAnyway") : t("submissions.retry")}
          </Button>
          {confirmResend ? (
            <ConfirmDialog
              open
              onOpenChange={setConfirmResend}
              title={t("submissions.confirmTitle")}
              description={t("submissions.confirmDescription")}
              confirmLabel={t("submissions.confirmSend")}
              onConfirm={() => retry.execute({ submissionId: request.id, resendUncertain: true })}
            />
          ) : null}
        </div>
      ) : null}
      <details className="text-xs text-muted-foreground">
        <summary className="w-fit cursor-pointer select-none hover:text-foreground">{t("submissions.assets")}</summary>
        <ul className="mt-1.5 flex flex-wrap gap-1.5">
          {request.assets.map((a) => (
            <li key={a.id} className="rounded border border-border px-1.5 py-0.5">
              <span className={cn("mr-1 inline-block size-1.5 rounded-full align-middle", dotColour[a.state])} aria-hidden />
              {a.name}
            </li>
          ))}
        </ul>
      </details>
    </li>
  );
}

const dotColour: Record<SubmissionRequest["assets"][number]["state"], string> = {
  PENDING: "bg-muted-foreground/50",
  IN_REVIEW: "bg-primary",
  APPROVED: "bg-success",
  REJECTED: "bg-destructive",
  REPLACED: "bg-muted-foreground",
  DISMISSED: "bg-muted-foreground",
};
