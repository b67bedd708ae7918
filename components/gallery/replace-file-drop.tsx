"use client";

import { FileUp } from "@/components/icons/file-up";
import { Loader2 } from "@/components/icons/loader-2";
import { useAction } from "@/lib/use-action";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { useDropzone } from "react-dropzone";
import { toast } from "@/components/ui/toast";
import { checkFileLater } from "@/components/upload/check-file-later";
import { uploadFile } from "@/components/upload/upload-file";
import type { AssetType } from "@/lib/generated/prisma/enums";
import { formatLabelsIn } from "@/lib/media/describe-media";
import { acceptMap } from "@/lib/media/limits";
import { useAlreadyApprovedToast } from "@/components/assets/already-approved-toast";
import { replaceAssetAction } from "@/lib/assets/replace-asset.action";
import { cn } from "@/lib/utils";
import { useActionMessage } from "@/lib/i18n/use-action-message";
import { useOutcomeText } from "@/components/upload/use-outcome-text";
import { useSentence } from "@/lib/i18n/use-sentence";
import { violationSentence } from "@/lib/media/limit-violation";

type Phase = { kind: "idle" } | { kind: "checking" } | { kind: "uploading"; progress: number; fileName: string } | { kind: "sending"; fileName: string };

/**
 * Replace a failed asset's file: drop (or pick) a new one. It is checked against the
 * provider's limits here, uploaded with progress, then sent for review into the same group
 * as a new asset that replaces the failed one. A refused file changes nothing.
 */
export function ReplaceFileDrop({
  asset,
  onReplaced,
  compact = false,
}: {
  asset: { id: string; name: string; type: AssetType };
  onReplaced?: (newAssetId: string | null) => void;
  compact?: boolean;
}) {
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  const [problems, setProblems] = useState<string[]>([]);
  const t = useTranslations("gallery");
  const checkWords = useTranslations("upload");
  const message = useActionMessage();
  const outcomeText = useOutcomeText();
  const say = useSentence();
  const locale = useLocale();
  const toastAlreadyApproved = useAlreadyApprovedToast();
  const replace = useAction(replaceAssetAction);

  async function handle(file: File) {
    setProblems([]);
    setPhase({ kind: "checking" });
    const check = await checkFileLater(file, checkWords, locale);
    if (check.violations.length > 0) {
      setProblems(check.violations.map((v) => say(violationSentence(v))));
      setPhase({ kind: "idle" });
      return;
    }
    setPhase({ kind: "uploading", progress: 0, fileName: file.name });
    const outcome = await uploadFile(file, (loaded, total) =>
      setPhase({ kind: "uploading", progress: total > 0 ? loaded / total : 0, fileName: file.name }),
    ).done;
    if (outcome.kind !== "done") {
      setProblems(outcome.kind === "refused" ? outcome.violations.map((v) => say(violationSentence(v))) : [outcomeText(outcome)]);
      setPhase({ kind: "idle" });
      return;
    }
    if (outcome.upload.type !== asset.type) {
      setProblems([t(`replace.wrongType.${asset.type}`, { formats: formatLabelsIn(asset.type, locale) })]);
      setPhase({ kind: "idle" });
      return;
    }
    await send(file.name, outcome.upload.id, false);
  }

  async function send(fileName: string, uploadId: string, sendApprovedAgain: boolean) {
    setPhase({ kind: "sending", fileName });
    const result = await replace.executeAsync({ assetId: asset.id, uploadId, sendApprovedAgain });
    setPhase({ kind: "idle" });
    if (result?.serverError || result?.validationErrors) {
      setProblems([message.error(result, t("replace.sendFailed"))]);
      return;
    }
    // The new file is already approved in the group: it is not sent unless asked again.
    const approved = result?.data?.alreadyApproved;
    if (approved) return toastAlreadyApproved([approved], () => void send(fileName, uploadId, true));
    toast.success(t("replace.replaced", { name: asset.name, file: fileName }));
    onReplaced?.(result?.data?.newAssetId ?? null);
  }

  const busy = phase.kind !== "idle";
  const dropzone = useDropzone({
    onDrop: (accepted, rejected) => {
      const file = accepted[0] ?? rejected[0]?.file;
      if (file) void handle(file);
    },
    accept: acceptMap(asset.type),
    multiple: false,
    disabled: busy,
  });

  return (
    <div className="space-y-2">
      <div
        {...dropzone.getRootProps({
          className: cn(
            "flex cursor-pointer items-center gap-3 rounded-md border border-dashed border-border px-3 text-sm transition-colors hover:border-primary hover:bg-accent/50",
            compact ? "py-2" : "py-4",
            dropzone.isDragActive && "border-primary bg-accent",
            busy && "cursor-wait opacity-80",
          ),
        })}
        data-testid={`replace-drop-${asset.id}`}
      >
        <input {...dropzone.getInputProps()} aria-label={t("replace.input", { name: asset.name })} />
        {busy ? <Loader2 className="size-4 shrink-0 animate-spin text-primary" /> : <FileUp className="size-4 shrink-0 text-muted-foreground" />}
        <div className="min-w-0 flex-1">
          {phase.kind === "idle" ? (
            <span>
              <span className="font-medium">{t("replace.title")}</span>
              <span className="text-muted-foreground">{t(`replace.hint.${asset.type}`)}</span>
            </span>
          ) : phase.kind === "checking" ? (
            <span className="text-muted-foreground">{t("replace.checking")}</span>
          ) : phase.kind === "uploading" ? (
            <div className="space-y-1">
              <div className="truncate text-muted-foreground">{t("replace.uploading", { file: phase.fileName, percent: Math.round(phase.progress * 100) })}</div>
              <div className="h-1 overflow-hidden rounded-full bg-muted">
                <div className="h-full bg-primary transition-[width]" style={{ width: `${Math.round(phase.progress * 100)}%` }} />
              </div>
            </div>
          ) : (
            <span className="text-muted-foreground">{t("replace.sending", { file: phase.fileName })}</span>
          )}
        </div>
      </div>
      {problems.length > 0 ? (
        <ul className="space-y-1 rounded-md bg-destructive/10 px-3 py-2 text-xs text-destructive" role="alert">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
