"use client";

import { useLocale, useTranslations } from "next-intl";
import { useSentence } from "@/lib/i18n/use-sentence";
import { useCallback, useEffect, useMemo, useReducer, useRef } from "react";
import { checkFileLater } from "@/components/upload/check-file-later";
import { uploadFile } from "@/components/upload/upload-file";
import { useOutcomeText } from "@/components/upload/use-outcome-text";
import type { AssetType } from "@/lib/generated/prisma/enums";
import { mediaFormats } from "@/lib/media/limits";
import { assetTypeForExtension } from "@/lib/media/media-format";
import { nameFromFileName, nameFromUrl, uniqueName } from "@/lib/submissions/unique-names";
import { countsForNames, type FileItem, itemFromFile, newKey, noUploadItems, type UploadItems, uploadItemsReducer, type UrlItem } from "./upload-items";
import { useUploadDraft } from "./use-upload-draft";

/** Files sent at once. */
const UPLOAD_CONCURRENCY = 3;
/** Files read (size, duration) at once. */
const CHECK_CONCURRENCY = 4;

const revokePreview = (item: FileItem | undefined) => {
  if (item?.ownsMediaUrl && item.mediaUrl) URL.revokeObjectURL(item.mediaUrl);
};

/**
 * The files and URLs on the Upload page: each file is checked against the limits as it is
 * dropped and uploaded at once (three at a time) with its progress; failed uploads retry
 * alone. Uploaded files and URLs are kept in this browser, so a reload (or a closed tab)
 * loses only the uploads that had not finished. State changes live in `uploadItemsReducer`;
 * this hook runs the side effects around it.
 */
export function useUploadItems(draftKey: string, options: { providerIsPrivate: boolean } = { providerIsPrivate: false }) {
  const t = useTranslations("upload");
  const locale = useLocale();
  const outcomeText = useOutcomeText();
  const say = useSentence();
  const [state, dispatch] = useReducer(uploadItemsReducer, noUploadItems);
  const { files, urls } = state;
  const stateRef = useRef<UploadItems>(state);
  stateRef.current = state;
  const running = useRef(new Map<string, () => void>());
  const checkQueue = useRef<{ key: string; file: File }[]>([]);
  const checking = useRef(0);

  const restored = useUploadDraft(draftKey, state, dispatch);

  const patch = useCallback((key: string, change: Partial<FileItem>) => dispatch({ type: "filePatched", key, change }), []);

  const takenNames = useCallback((exceptKey?: string) => {
    const taken = new Set<string>();
    for (const f of stateRef.current.files) if (f.key !== exceptKey && countsForNames(f)) taken.add(f.name);
    for (const u of stateRef.current.urls) if (u.key !== exceptKey) taken.add(u.name);
    return taken;
  }, []);

  // Read each file's facts, a few at a time.
  const pumpChecks = useCallback(() => {
    while (checking.current < CHECK_CONCURRENCY && checkQueue.current.length > 0) {
      const job = checkQueue.current.shift()!;
      checking.current += 1;
      void checkFileLater(job.file, t, locale)
        .then((result) => {
          const type = result.format ? mediaFormats[result.format].type : assetTypeForExtension(job.file.name);
          patch(job.key, {
            format: result.format,
            type,
            width: result.facts.width ?? null,
            height: result.facts.height ?? null,
            durationMs: result.facts.durationMs ?? null,
            violations: result.violations,
            status: result.violations.length > 0 ? "refused" : "queued",
          });
        })
        .finally(() => {
          checking.current -= 1;
          pumpChecks();
        });
    }
  }, [patch, t, locale]);

  const addFiles = useCallback(
    (incoming: File[]) => {
      if (incoming.length === 0) return;
      const taken = takenNames();
      const added = incoming.map((file) => {
        const item = itemFromFile(file);
        item.name = uniqueName(nameFromFileName(file.name), taken);
        taken.add(item.name);
        return item;
      });
      dispatch({ type: "filesAdded", items: added });
      checkQueue.current.push(...added.map((item) => ({ key: item.key, file: item.file! })));
      pumpChecks();
    },
    [pumpChecks, takenNames],
  );

  const replaceFile = useCallback(
    (key: string, file: File) => {
      const old = stateRef.current.files.find((f) => f.key === key);
      if (!old) return;
      running.current.get(key)?.();
      revokePreview(old);
      const fresh = itemFromFile(file);
      const wanted = old.name === nameFromFileName(old.fileName) || old.name.startsWith(`${nameFromFileName(old.fileName)}-`) ? nameFromFileName(file.name) : old.name;
      fresh.key = key;
      fresh.name = uniqueName(wanted, takenNames(key));
      dispatch({ type: "fileReplaced", key, item: fresh });
      checkQueue.current.push({ key, file });
      pumpChecks();
    },
    [pumpChecks, takenNames],
  );

  const remove = useCallback((key: string) => {
    running.current.get(key)?.();
    checkQueue.current = checkQueue.current.filter((j) => j.key !== key);
    revokePreview(stateRef.current.files.find((f) => f.key === key));
    dispatch({ type: "removed", key });
  }, []);

  const retry = useCallback((key: string) => dispatch({ type: "retried", key }), []);
  const retryAllFailed = useCallback(() => dispatch({ type: "allFailedRetried" }), []);
  const rename = useCallback((key: string, name: string) => dispatch({ type: "renamed", key, name }), []);
  const setResubmit = useCallback((key: string, resubmitApproved: boolean) => dispatch({ type: "resubmitSet", key, resubmitApproved }), []);
  const setUrlType = useCallback((key: string, urlType: AssetType) => dispatch({ type: "urlTypeSet", key, urlType }), []);

  /**
   * Adds one URL per line; returns the lines that cannot be used, with the reason (not http(s),
   * credentials in it, or a private host the provider could never fetch). The address rules
   * (with their IP library) load on first use, not with the page.
   */
  const addUrls = useCallback(
    async (text: string): Promise<{ line: string; reason: string }[]> => {
      const { assetUrlShapeProblem } = await import("@/lib/net/address-rules");
      const invalid: { line: string; reason: string }[] = [];
      const taken = takenNames();
      const known = new Set(stateRef.current.urls.map((u) => u.url));
      const added: UrlItem[] = [];
      for (const line of text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean)) {
        const problem = assetUrlShapeProblem(line, { providerIsPrivate: options.providerIsPrivate });
        if (problem || !/^https?:\/\/\S+$/i.test(line)) {
          invalid.push({ line, reason: problem ? say(problem) : t("urls.notPublic") });
          continue;
        }
        if (known.has(line)) continue;
        known.add(line);
        const name = uniqueName(nameFromUrl(line), taken);
        taken.add(name);
        added.push({ key: newKey(), kind: "url", url: line, type: assetTypeForExtension(new URL(line).pathname) ?? "IMAGE", name });
      }
      dispatch({ type: "urlsAdded", items: added });
      return invalid;
    },
    [takenNames, options.providerIsPrivate, t, say],
  );

  /** Drops items that have been submitted. */
  const clear = useCallback((keys: readonly string[]) => {
    const gone = new Set(keys);
    for (const item of stateRef.current.files) if (gone.has(item.key)) revokePreview(item);
    dispatch({ type: "cleared", keys });
  }, []);

  useUploadQueue(files, stateRef, running, patch, dispatch, outcomeText);
  useWarnOnLeave(files);

  return { files, urls, restored, addFiles, replaceFile, remove, retry, retryAllFailed, rename, setResubmit, addUrls, setUrlType, clear };
}

/** Starts queued uploads while fewer than UPLOAD_CONCURRENCY run; stops them all when the page goes away. */
function useUploadQueue(
  files: FileItem[],
  stateRef: { current: UploadItems },
  running: { current: Map<string, () => void> },
  patch: (key: string, change: Partial<FileItem>) => void,
  dispatch: (action: { type: "slotFreed" }) => void,
  outcomeText: ReturnType<typeof useOutcomeText>,
) {
  useEffect(() => {
    let free = UPLOAD_CONCURRENCY - running.current.size;
    for (const item of files) {
      if (free <= 0) break;
      if (item.status !== "queued" || !item.file || running.current.has(item.key)) continue;
      free -= 1;
      const { key, file } = item;
      const job = uploadFile(file, (loaded) => patch(key, { loaded }));
      running.current.set(key, job.abort);
      patch(key, { status: "uploading", loaded: 0, error: null });
      void job.done.then((outcome) => {
        running.current.delete(key);
        if (!stateRef.current.files.some((f) => f.key === key && f.file === file)) {
          // Removed or replaced meanwhile; let the next one start.
          dispatch({ type: "slotFreed" });
          return;
        }
        if (outcome.kind === "done") {
          const u = outcome.upload;
          patch(key, { status: "done", upload: u, loaded: file.size, type: u.type, width: u.width, height: u.height, durationMs: u.durationMs });
        } else if (outcome.kind === "refused") {
          patch(key, { status: "refused", violations: outcome.violations, loaded: 0 });
        } else {
          patch(key, { status: "failed", error: outcomeText(outcome) });
        }
      });
    }
  }, [files, patch, running, stateRef, dispatch, outcomeText]);

  useEffect(() => {
    const jobs = running.current;
    return () => {
      for (const abort of jobs.values()) abort();
    };
  }, [running]);
}

/** Asks before leaving while files are still being read or sent. */
function useWarnOnLeave(files: FileItem[]) {
  const busy = useMemo(() => files.some((f) => f.status === "uploading" || f.status === "queued" || f.status === "checking"), [files]);
  useEffect(() => {
    if (!busy) return;
    const onLeave = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener("beforeunload", onLeave);
    return () => window.removeEventListener("beforeunload", onLeave);
  }, [busy]);
}
