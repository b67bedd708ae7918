"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { CheckCircle2 } from "@/components/icons/check-circle-2";
import { Lightbulb } from "@/components/icons/lightbulb";
import { RotateCcw } from "@/components/icons/rotate-ccw";
import { Trash2 } from "@/components/icons/trash-2";
import { useAction } from "@/lib/use-action";
import { hydrateAfterLoad } from "@/components/ui/hydrate-after-load";
import { Skeleton } from "@/components/ui/skeleton";
import { useStableCallback } from "@/components/ui/use-stable-callback";
import { useTranslations } from "next-intl";
import { lazyClient } from "@/components/ui/lazy-client";
import { parseAsStringLiteral, useQueryState } from "nuqs";
import { useCallback, useId, useState } from "react";
import { toast } from "@/components/ui/toast";
import type { Viewer } from "@/components/gallery/asset-drawer";
import { useOpenAsset } from "@/components/gallery/use-open-asset";
import { AssetStatusBadge } from "@/components/gallery/asset-status-badge";
import { AssetThumbnail } from "@/components/assets/asset-thumbnail";
import { BulkActionBar } from "@/components/gallery/bulk-action-bar";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input, Select } from "@/components/ui/input";
import { failureCategories, isFailureCategory } from "@/lib/assets/failure-categories";
import type { FailedQueue, FailedQueueItem } from "@/lib/assets/list-rejected-assets";
import { resubmitAssetsAction } from "@/lib/assets/resubmit-assets.action";
import { cn } from "@/lib/utils";
import { useActionMessage } from "@/lib/i18n/use-action-message";
import { useFormat } from "@/lib/i18n/use-format";
import { useAlreadyApprovedToast } from "@/components/assets/already-approved-toast";
import { useRepairActions } from "@/components/assets/use-repair-actions";

// Each row's drop target for a new file (react-dropzone, the file checks and the upload) is
// drawn by the server and hydrates after the page has loaded; a file dropped or chosen before
// then is given to it once it has (components/ui/hydrate-after-load.tsx).
const ReplaceFileDrop = hydrateAfterLoad(
  () => import("@/components/gallery/replace-file-drop").then((m) => m.ReplaceFileDrop),
  () => <Skeleton className="h-10 w-full" />,
  // The drop target stays the item of the row's grid.
  "contents",
);

// The drawer is not needed for the first paint: its code loads when an asset is opened.
const AssetDrawer = lazyClient(() => import("@/components/gallery/asset-drawer").then((m) => m.AssetDrawer));
const reasonParser = parseAsStringLiteral(failureCategories).withOptions({ history: "push", shallow: true, scroll: false });

async function fetchQueue(failed: string): Promise<FailedQueue> {
  const res = await fetch("/api/assets/rejected", { cache: "no-cache" });
  const body = await res.json().catch(() => null);
  if (!res.ok) throw new Error(body?.error?.message ?? failed);
  return body as FailedQueue;
}

export function ReviewQueue({ initialQueue, viewer }: { initialQueue: FailedQueue; viewer: Viewer }) {
  const t = useTranslations("review");
  const queryClient = useQueryClient();
  const loadFailed = t("loadFailed");
  const query = useQuery({
    queryKey: ["failed-queue"],
    queryFn: () => fetchQueue(loadFailed),
    initialData: initialQueue,
    staleTime: 2_000,
    // Keep following the resubmissions while any is still in review; new failures show up then too.
    refetchInterval: (q) => (q.state.data?.resubmitted.some((r) => r.status.live) ? 2_500 : false),
    refetchIntervalInBackground: false,
  });
  const queue = query.data;
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  // The reason shown and the asset open in the drawer live in the URL (`?reason=privacy&asset=…`).
  const { assetId: openAssetId, openAsset: setOpenAssetId, closeAsset } = useOpenAsset();
  const [reason, setReason] = useQueryState("reason", reasonParser);
  const reasonId = useId();
  const shownGroups = reason ? queue.groups.filter((g) => g.category === reason) : queue.groups;
  const refresh = useCallback(() => {
    setSelected(new Set());
    void queryClient.invalidateQueries({ queryKey: ["failed-queue"] });
    void queryClient.invalidateQueries({ queryKey: ["gallery"] });
  }, [queryClient]);
  const toggle = (id: string) =>
    setSelected((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const setMany = (ids: string[], on: boolean) =>
    setSelected((prev) => {
      const next = new Set(prev);
      for (const id of ids) {
        if (on) next.add(id);
        else next.delete(id);
      }
      return next;
    });

  return (
    <div className="grid grid-cols-1 gap-6 pb-24 lg:grid-cols-[1fr_18rem]">
      <div className="min-w-0 space-y-5">
        {queue.groups.length === 0 ? (
          <Card>
            <CardContent className="flex flex-col items-center gap-2 p-10 text-center text-sm text-muted-foreground" data-testid="review-empty">
              <CheckCircle2 className="size-8 text-success" />
              {t("empty")}
            </CardContent>
          </Card>
        ) : (
          <div className="flex flex-col gap-3 sm:flex-row sm:items-end sm:justify-between">
            <p className="text-sm text-muted-foreground">
              {queue.shown < queue.total ? t("waitingSome", { total: queue.total, shown: queue.shown }) : t("waiting", { total: queue.total })}
            </p>
            {queue.groups.length > 1 || reason ? (
              <div className="flex flex-col gap-1 sm:w-64">
                <label htmlFor={reasonId} className="text-xs font-medium text-muted-foreground">
                  {t("reason")}
                </label>
                <Select id={reasonId} value={reason ?? ""} onChange={(e) => void setReason(isFailureCategory(e.target.value) ? e.target.value : null)}>
                  <option value="">{t("everyReason")}</option>
                  {queue.groups.map((g) => (
                    <option key={g.category} value={g.category}>
                      {g.title} ({g.items.length})
                    </option>
                  ))}
                </Select>
              </div>
            ) : null}
          </div>
        )}
        {queue.groups.length > 0 && shownGroups.length === 0 ? (
          <Card>
            <CardContent className="p-8 text-center text-sm text-muted-foreground">
              {t("noneForReason")}{" "}
              <button type="button" className="text-primary underline underline-offset-4" onClick={() => void setReason(null)}>
                {t("showEveryReason")}
              </button>
            </CardContent>
          </Card>
        ) : null}
        {shownGroups.map((group) => {
          const ids = group.items.map((i) => i.id);
          const all = ids.every((id) => selected.has(id));
          return (
            <Card key={group.category} data-testid={`reason-${group.category}`}>
              <CardHeader className="gap-2">
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <CardTitle className="flex items-center gap-2">
                    {group.title}
                    <Badge variant="destructive">{group.items.length}</Badge>
                  </CardTitle>
                  <label className="flex items-center gap-2 text-sm text-muted-foreground">
                    <input type="checkbox" checked={all} onChange={() => setMany(ids, !all)} className="size-4 accent-[var(--primary)]" />
                    {t("selectAll")}
                  </label>
                </div>
                <CardDescription className="flex gap-2">
                  <Lightbulb className="mt-0.5 size-4 shrink-0 text-warning" />
                  <span>{group.advice}</span>
                </CardDescription>
              </CardHeader>
              <CardContent>
                <ul className="divide-y divide-border">
                  {group.items.map((item) => (
                    <FailedRow
                      key={item.id}
                      item={item}
                      checked={selected.has(item.id)}
                      onToggle={() => toggle(item.id)}
                      onOpen={() => setOpenAssetId(item.id)}
                      onChanged={refresh}
                    />
                  ))}
                </ul>
              </CardContent>
            </Card>
          );
        })}
      </div>

      <aside className="space-y-3">
        <h2 className="text-sm font-semibold">{t("resubmitted.title")}</h2>
        {queue.resubmitted.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t("resubmitted.empty")}</p>
        ) : (
          <ul className="space-y-2" data-testid="resubmitted">
            {queue.resubmitted.map((r) => (
              <li key={r.id}>
                <button
                  type="button"
                  onClick={() => setOpenAssetId(r.id)}
                  className="flex w-full items-center gap-3 rounded-lg border border-border bg-card p-2 text-left hover:bg-muted"
                  data-testid="resubmitted-item"
                  data-asset-name={r.name}
                  data-status={r.status.key}
                >
                  <AssetThumbnail type={r.type} thumbnailUrl={r.thumbnailUrl} name={r.name} className="size-10 shrink-0 rounded-md" />
                  <span className="min-w-0 flex-1">
                    <span className="block truncate text-sm font-medium" title={r.name}>
                      {r.name}
                    </span>
                    {r.replacesName ? (
                      <span className="block truncate text-xs text-muted-foreground" title={t("resubmitted.replaces", { name: r.replacesName })}>
                        {t("resubmitted.replaces", { name: r.replacesName })}
                      </span>
                    ) : null}
                  </span>
                  <AssetStatusBadge status={r.status} />
                </button>
              </li>
            ))}
          </ul>
        )}
      </aside>

      <SelectionBar ids={[...selected]} onClear={() => setSelected(new Set())} onDone={refresh} />
      {openAssetId ? <AssetDrawer assetId={openAssetId} viewer={viewer} onClose={closeAsset} onOpenAsset={setOpenAssetId} onChanged={refresh} /> : null}
    </div>
  );
}

function FailedRow({
  item,
  checked,
  onToggle,
  onOpen,
  onChanged,
}: {
  item: FailedQueueItem;
  checked: boolean;
  onToggle: () => void;
  onOpen: () => void;
  onChanged: () => void;
}) {
  const t = useTranslations("review");
  const format = useFormat();
  const [dismissing, setDismissing] = useState(false);
  const [note, setNote] = useState("");
  const { resubmit, dismiss } = useRepairActions(item.name, onChanged);
  const suggestsResubmit = item.explanation.suggestedAction === "resubmit";
  // Stable: the drop target keeps its server HTML until it hydrates.
  const replaced = useStableCallback(() => onChanged());

  return (
    <li className={cn("py-3", checked && "rounded-md bg-accent/60")} data-testid="failed-item" data-asset-name={item.name}>
      <div className="flex items-start gap-3">
        <input type="checkbox" checked={checked} onChange={onToggle} aria-label={t("row.select", { name: item.name })} className="mt-1 size-4 shrink-0 accent-[var(--primary)]" />
        <button type="button" onClick={onOpen} className="shrink-0" aria-label={t("row.open", { name: item.name })}>
          <AssetThumbnail type={item.type} thumbnailUrl={item.thumbnailUrl} name={item.name} className="size-16 rounded-md" />
        </button>
        <div className="min-w-0 flex-1 space-y-1">
          <div className="flex flex-wrap items-baseline gap-x-2">
            <button type="button" onClick={onOpen} className="min-w-0 text-left font-medium break-words hover:underline">
              {item.name}
            </button>
            <span className="min-w-0 text-xs break-words text-muted-foreground">
              {item.group.name} · {item.createdByName ?? t("row.someone")} · {format.dateTime(item.createdAt)}
            </span>
          </div>
          <p className="text-sm" data-testid="failed-explanation">
            {item.explanation.explanation}
          </p>
          {item.failureReason && item.explanation.category !== "other" ? (
            <p className="text-xs break-words text-muted-foreground" data-testid="failed-reason" data-provider-words>
              {item.failureReason}
            </p>
          ) : null}
        </div>
      </div>
      <div className="mt-3 grid grid-cols-1 gap-2 sm:ml-[6.25rem] sm:grid-cols-[1fr_auto_auto] sm:items-center">
        <ReplaceFileDrop asset={item} compact onReplaced={replaced} />
        <Button variant={suggestsResubmit ? "default" : "outline"} size="sm" className="h-9" disabled={resubmit.isPending} onClick={() => resubmit.execute({ assetIds: [item.id] })}>
          <RotateCcw /> {t("row.resubmit")}
        </Button>
        <Button variant="ghost" size="sm" className="h-9 text-destructive" onClick={() => setDismissing((v) => !v)} aria-expanded={dismissing}>
          <Trash2 /> {t("row.dismiss")}
        </Button>
      </div>
      {dismissing ? (
        <form
          className="mt-2 flex gap-2 sm:ml-[6.25rem]"
          onSubmit={(e) => {
            e.preventDefault();
            dismiss.execute({ assetIds: [item.id], note });
          }}
        >
          <Input autoFocus value={note} onChange={(e) => setNote(e.target.value)} placeholder={t("row.dismissPlaceholder")} aria-label={t("row.dismissNote", { name: item.name })} />
          <Button type="submit" variant="destructive" size="sm" className="h-9" disabled={!note.trim() || dismiss.isPending}>
            {t("row.dismiss")}
          </Button>
        </form>
      ) : null}
    </li>
  );
}

function SelectionBar({ ids, onClear, onDone }: { ids: string[]; onClear: () => void; onDone: () => void }) {
  const t = useTranslations("review");
  const message = useActionMessage();
  const toastAlreadyApproved = useAlreadyApprovedToast();
  const resubmit = useAction(resubmitAssetsAction, {
    onSuccess: ({ data }) => {
      const left = data?.alreadyApproved ?? [];
      toastAlreadyApproved(left, () => resubmit.execute({ assetIds: left.map((a) => a.assetId), sendApprovedAgain: true }));
      if (data?.count) toast.success(t("bulk.resubmitted", { count: data.count }));
      onDone();
    },
    onError: ({ error }) => toast.error(message.error(error, t("bulk.resubmitFailed"))),
  });
  return (
    <BulkActionBar selectedCount={ids.length} dismissIds={ids} noun="asset" className="max-w-6xl" onClear={onClear} onDone={onDone} data-testid="review-bulk-bar">
      {(startDismiss) => (
        <>
          <Button size="sm" disabled={resubmit.isPending} onClick={() => resubmit.execute({ assetIds: ids })}>
            <RotateCcw /> {t("bulk.resubmit", { count: ids.length })}
          </Button>
          <Button size="sm" variant="outline" onClick={startDismiss}>
            <Trash2 /> {t("bulk.dismiss", { count: ids.length })}
          </Button>
        </>
      )}
    </BulkActionBar>
  );
}
