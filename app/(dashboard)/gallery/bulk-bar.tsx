"use client";

import { Copy, RotateCcw, Trash2, X } from "lucide-react";
import { useAction } from "next-safe-action/hooks";
import { useState } from "react";
import { toast } from "sonner";
import type { Viewer } from "@/components/gallery/asset-drawer";
import { GenerateVideoSlot } from "@/components/gallery/generate-video-slot";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { can } from "@/lib/auth/roles";
import type { AssetCard } from "@/lib/gallery/asset-view";
import { dismissAssetsAction } from "@/lib/review/dismiss-assets";
import { resubmitAssetsAction } from "@/lib/review/resubmit-assets";

/** Actions on the selected assets, docked at the bottom of the screen. */
export function BulkBar({ items, viewer, onClear, onDone }: { items: AssetCard[]; viewer: Viewer; onClear: () => void; onDone: () => void }) {
  const [note, setNote] = useState("");
  const [dismissing, setDismissing] = useState(false);
  const isLead = can(viewer.role, "reviewFailed");
  const failed = items.filter((i) => i.state === "REJECTED");
  const fixable = failed.filter((i) => isLead || i.createdById === viewer.id);
  const approved = items.filter((i) => i.state === "APPROVED" && i.assetUrl);

  const resubmit = useAction(resubmitAssetsAction, {
    onSuccess: ({ data }) => {
      toast.success(`${data?.count ?? 0} failed asset${data?.count === 1 ? "" : "s"} sent for review again.`);
      onDone();
    },
    onError: ({ error }) => toast.error(error.serverError ?? "Could not resubmit."),
  });
  const dismiss = useAction(dismissAssetsAction, {
    onSuccess: ({ data }) => {
      toast.success(`${data?.count ?? 0} failed asset${data?.count === 1 ? "" : "s"} dismissed.`);
      setDismissing(false);
      setNote("");
      onDone();
    },
    onError: ({ error }) => toast.error(error.serverError ?? "Could not dismiss."),
  });

  if (items.length === 0) return null;
  return (
    <div className="fixed inset-x-0 bottom-0 z-30 border-t border-border bg-card/95 p-3 shadow-lg backdrop-blur md:left-64" data-testid="bulk-bar">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-2">
        <span className="mr-auto text-sm font-medium">{items.length} selected</span>
        {dismissing ? (
          <form
            className="flex w-full gap-2 sm:w-auto"
            onSubmit={(e) => {
              e.preventDefault();
              dismiss.execute({ assetIds: failed.map((i) => i.id), note });
            }}
          >
            <Input autoFocus value={note} onChange={(e) => setNote(e.target.value)} placeholder="Why dismiss them?" aria-label="Dismiss note" className="sm:w-64" />
            <Button type="submit" variant="destructive" disabled={!note.trim() || dismiss.isPending}>
              Dismiss {failed.length}
            </Button>
            <Button type="button" variant="ghost" onClick={() => setDismissing(false)}>
              Cancel
            </Button>
          </form>
        ) : (
          <>
            {fixable.length > 0 ? (
              <Button size="sm" disabled={resubmit.isPending} onClick={() => resubmit.execute({ assetIds: fixable.map((i) => i.id) })}>
                <RotateCcw /> Resubmit {fixable.length} failed
              </Button>
            ) : null}
            {isLead && failed.length > 0 ? (
              <Button size="sm" variant="outline" onClick={() => setDismissing(true)}>
                <Trash2 /> Dismiss {failed.length}
              </Button>
            ) : null}
            {approved.length > 0 ? (
              <>
                <Button
                  size="sm"
                  variant="outline"
                  onClick={async () => {
                    await navigator.clipboard.writeText(approved.map((i) => i.assetUrl).join("\n"));
                    toast.success(`${approved.length} asset URL${approved.length === 1 ? "" : "s"} copied.`);
                  }}
                >
                  <Copy /> Copy {approved.length} URL{approved.length === 1 ? "" : "s"}
                </Button>
                {/* SLOT: Generate video from the selected approved assets. */}
                <GenerateVideoSlot assetIds={approved.filter((i) => i.type !== "AUDIO").map((i) => i.id)} size="sm" />
              </>
            ) : null}
          </>
        )}
        <Button size="sm" variant="ghost" onClick={onClear} aria-label="Clear selection">
          <X />
        </Button>
      </div>
    </div>
  );
}
