"use client";

import { assetUrlShapeProblem } from "@/lib/net/address-rules";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { nameFromFileName, nameFromUrl, uniqueName } from "@/lib/assets/unique-names";
import type { AssetType } from "@/lib/generated/prisma/enums";
import type { LimitViolation } from "@/lib/media/limit-violation";
import { mediaFormats, type MediaFormat } from "@/lib/media/limits";
import { assetTypeForExtension } from "@/lib/media/media-format";
import type { UploadView } from "@/lib/media/upload-view";
import { checkDroppedFile } from "./read-file-facts";
import { uploadFile } from "./upload-file";

/** Files sent at once. */
const UPLOAD_CONCURRENCY = 3;
/** Files read (size, duration) at once. */
const CHECK_CONCURRENCY = 4;

export type FileStatus = "checking" | "refused" | "queued" | "uploading" | "done" | "failed";

export type FileItem = {
  key: string;
  kind: "file";
  /** null for a file restored after a reload: it was uploaded already. */
  file: File | null;
  fileName: string;
  sizeBytes: number;
  type: AssetType | null;
  format: MediaFormat | null;
  /** The file itself for previews: an object URL of the local file, or its stored URL. */
  mediaUrl: string | null;
  ownsMediaUrl: boolean;
  width: number | null;
  height: number | null;
  durationMs: number | null;
  name: string;
  status: FileStatus;
  /** Why the file cannot be sent (browser check, or the server's 422). */
  violations: LimitViolation[];
  /** Why the upload failed (network, session): it can be retried. */
  error: string | null;
  loaded: number;
  upload: UploadView | null;
  /** Submit it even though the same file is already approved in the target group. */
  resubmitApproved: boolean;
};

export type UrlItem = { key: string; kind: "url"; url: string; type: AssetType; name: string };

type Draft = { v: 1; files: Pick<FileItem, "key" | "name" | "upload" | "resubmitApproved">[]; urls: UrlItem[] };

let counter = 0;
const newKey = () => `i${Date.now().toString(36)}${(counter++).toString(36)}`;

function itemFromFile(file: File): FileItem {
  return {
    key: newKey(),
    kind: "file",
    file,
    fileName: file.name,
    sizeBytes: file.size,
    type: null,
    format: null,
    mediaUrl: URL.createObjectURL(file),
    ownsMediaUrl: true,
    width: null,
    height: null,
    durationMs: null,
    name: "",
    status: "checking",
    violations: [],
    error: null,
    loaded: 0,
    upload: null,
    resubmitApproved: false,
  };
}

function itemFromUpload(saved: Draft["files"][number]): FileItem | null {
  const upload = saved.upload;
  if (!upload) return null;
  return {
    key: saved.key,
    kind: "file",
    file: null,
    fileName: upload.fileName,
    sizeBytes: upload.sizeBytes,
    type: upload.type,
    format: null,
    mediaUrl: upload.url,
    ownsMediaUrl: false,
    width: upload.width,
    height: upload.height,
    durationMs: upload.durationMs,
    name: saved.name,
    status: "done",
    violations: [],
    error: null,
    loaded: upload.sizeBytes,
    upload,
    resubmitApproved: saved.resubmitApproved,
  };
}

/** Whether a file will be sent (so its name must be unique). */
export const countsForNames = (item: FileItem) => item.status !== "refused";

/**
 * The files and URLs on the Upload page: each file is checked against the limits as it is
 * dropped and uploaded at once (three at a time) with its progress; failed uploads retry
 * alone. Uploaded files and URLs are kept in this browser, so a reload (or a closed tab)
 * loses only the uploads that had not finished.
 */
export function useUploadItems(draftKey: string, options: { providerIsPrivate: boolean } = { providerIsPrivate: false }) {
  const [files, setFiles] = useState<FileItem[]>([]);
  const [urls, setUrls] = useState<UrlItem[]>([]);
  const [restored, setRestored] = useState(false);
  const filesRef = useRef(files);
  const urlsRef = useRef(urls);
  filesRef.current = files;
  urlsRef.current = urls;
  const running = useRef(new Map<string, () => void>());
  const checkQueue = useRef<{ key: string; file: File }[]>([]);
  const checking = useRef(0);

  const patch = useCallback((key: string, change: Partial<FileItem> | ((item: FileItem) => Partial<FileItem>)) => {
    setFiles((prev) => prev.map((item) => (item.key === key ? { ...item, ...(typeof change === "function" ? change(item) : change) } : item)));
  }, []);

  const takenNames = useCallback((exceptKey?: string) => {
    const taken = new Set<string>();
    for (const f of filesRef.current) if (f.key !== exceptKey && countsForNames(f)) taken.add(f.name);
    for (const u of urlsRef.current) if (u.key !== exceptKey) taken.add(u.name);
    return taken;
  }, []);

  // Read each file's facts, a few at a time.
  const pumpChecks = useCallback(() => {
    while (checking.current < CHECK_CONCURRENCY && checkQueue.current.length > 0) {
      const job = checkQueue.current.shift()!;
      checking.current += 1;
      void checkDroppedFile(job.file)
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
  }, [patch]);

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
      setFiles((prev) => [...prev, ...added]);
      checkQueue.current.push(...added.map((item) => ({ key: item.key, file: item.file! })));
      pumpChecks();
    },
    [pumpChecks, takenNames],
  );

  const replaceFile = useCallback(
    (key: string, file: File) => {
      const old = filesRef.current.find((f) => f.key === key);
      if (!old) return;
      running.current.get(key)?.();
      if (old.ownsMediaUrl && old.mediaUrl) URL.revokeObjectURL(old.mediaUrl);
      const fresh = itemFromFile(file);
      const wanted = old.name === nameFromFileName(old.fileName) || old.name.startsWith(`${nameFromFileName(old.fileName)}-`) ? nameFromFileName(file.name) : old.name;
      fresh.key = key;
      fresh.name = uniqueName(wanted, takenNames(key));
      setFiles((prev) => prev.map((f) => (f.key === key ? fresh : f)));
      checkQueue.current.push({ key, file });
      pumpChecks();
    },
    [pumpChecks, takenNames],
  );

  const remove = useCallback((key: string) => {
    running.current.get(key)?.();
    checkQueue.current = checkQueue.current.filter((j) => j.key !== key);
    setFiles((prev) => {
      const item = prev.find((f) => f.key === key);
      if (item?.ownsMediaUrl && item.mediaUrl) URL.revokeObjectURL(item.mediaUrl);
      return prev.filter((f) => f.key !== key);
    });
    setUrls((prev) => prev.filter((u) => u.key !== key));
  }, []);

  const retry = useCallback(
    (key: string) => patch(key, (item) => (item.status === "failed" && item.file ? { status: "queued", error: null, loaded: 0 } : {})),
    [patch],
  );

  const retryAllFailed = useCallback(() => {
    setFiles((prev) => prev.map((item) => (item.status === "failed" && item.file ? { ...item, status: "queued", error: null, loaded: 0 } : item)));
  }, []);

  const rename = useCallback(
    (key: string, name: string) => {
      patch(key, { name });
      setUrls((prev) => prev.map((u) => (u.key === key ? { ...u, name } : u)));
    },
    [patch],
  );

  const setResubmit = useCallback((key: string, resubmitApproved: boolean) => patch(key, { resubmitApproved }), [patch]);

  /**
   * Adds one URL per line; returns the lines that cannot be used, with the reason (not http(s),
   * credentials in it, or a private host the provider could never fetch).
   */
  const addUrls = useCallback(
    (text: string): { line: string; reason: string }[] => {
      const invalid: { line: string; reason: string }[] = [];
      const taken = takenNames();
      const known = new Set(urlsRef.current.map((u) => u.url));
      const added: UrlItem[] = [];
      for (const line of text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean)) {
        const problem = assetUrlShapeProblem(line, { providerIsPrivate: options.providerIsPrivate });
        if (problem || !/^https?:\/\/\S+$/i.test(line)) {
          invalid.push({ line, reason: problem ?? "Give a public http(s) URL." });
          continue;
        }
        if (known.has(line)) continue;
        known.add(line);
        let path = line;
        try {
          path = new URL(line).pathname;
        } catch {}
        const name = uniqueName(nameFromUrl(line), taken);
        taken.add(name);
        added.push({ key: newKey(), kind: "url", url: line, type: assetTypeForExtension(path) ?? "IMAGE", name });
      }
      setUrls((prev) => [...prev, ...added]);
      return invalid;
    },
    [takenNames, options.providerIsPrivate],
  );

  const setUrlType = useCallback((key: string, type: AssetType) => setUrls((prev) => prev.map((u) => (u.key === key ? { ...u, type } : u))), []);

  /** Drops items that have been submitted. */
  const clear = useCallback((keys: readonly string[]) => {
    const gone = new Set(keys);
    setFiles((prev) => {
      for (const item of prev) if (gone.has(item.key) && item.ownsMediaUrl && item.mediaUrl) URL.revokeObjectURL(item.mediaUrl);
      return prev.filter((f) => !gone.has(f.key));
    });
    setUrls((prev) => prev.filter((u) => !gone.has(u.key)));
  }, []);

  // Start queued uploads while fewer than UPLOAD_CONCURRENCY run.
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
        if (!filesRef.current.some((f) => f.key === key && f.file === file)) {
          // Removed or replaced meanwhile; let the next one start.
          setFiles((prev) => [...prev]);
          return;
        }
        if (outcome.kind === "done") {
          const u = outcome.upload;
          patch(key, { status: "done", upload: u, loaded: file.size, type: u.type, width: u.width, height: u.height, durationMs: u.durationMs });
        } else if (outcome.kind === "refused") {
          patch(key, { status: "refused", violations: outcome.violations, loaded: 0 });
        } else {
          patch(key, { status: "failed", error: outcome.message });
        }
      });
    }
  }, [files, patch]);

  // Stop running uploads when the page goes away.
  useEffect(() => {
    const jobs = running.current;
    return () => {
      for (const abort of jobs.values()) abort();
    };
  }, []);

  // Restore what was uploaded before a reload, then keep it.
  useEffect(() => {
    try {
      const raw = window.localStorage.getItem(draftKey);
      if (raw) {
        const draft = JSON.parse(raw) as Draft;
        if (draft?.v === 1) {
          setFiles(draft.files.map(itemFromUpload).filter((i): i is FileItem => i !== null));
          setUrls(draft.urls ?? []);
        }
      }
    } catch {
      // A damaged draft is dropped.
    }
    setRestored(true);
  }, [draftKey]);

  const lastDraft = useRef<string | null>(null);
  useEffect(() => {
    if (!restored) return;
    const draft: Draft = {
      v: 1,
      files: files.filter((f) => f.status === "done" && f.upload).map((f) => ({ key: f.key, name: f.name, upload: f.upload, resubmitApproved: f.resubmitApproved })),
      urls,
    };
    const empty = draft.files.length === 0 && draft.urls.length === 0;
    const text = empty ? "" : JSON.stringify(draft);
    if (text === lastDraft.current) return;
    lastDraft.current = text;
    try {
      if (empty) window.localStorage.removeItem(draftKey);
      else window.localStorage.setItem(draftKey, text);
    } catch {
      // Storage full or blocked: the draft is simply not kept.
    }
  }, [files, urls, restored, draftKey]);

  const warnOnLeave = useMemo(() => files.some((f) => f.status === "uploading" || f.status === "queued" || f.status === "checking"), [files]);
  useEffect(() => {
    if (!warnOnLeave) return;
    const onLeave = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener("beforeunload", onLeave);
    return () => window.removeEventListener("beforeunload", onLeave);
  }, [warnOnLeave]);

  return { files, urls, restored, addFiles, replaceFile, remove, retry, retryAllFailed, rename, setResubmit, addUrls, setUrlType, clear };
}
