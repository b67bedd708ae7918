import type { AssetType } from "@/lib/generated/prisma/enums";
import type { LimitViolation } from "@/lib/media/limit-violation";
import type { MediaFormat } from "@/lib/media/limits";
import type { UploadView } from "@/lib/media/upload-view";

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

export type UrlItem = {
  key: string;
  kind: "url";
  url: string;
  type: AssetType;
  name: string;
  /** Submit it even though an asset from the same URL is already approved in the target group. */
  resubmitApproved?: boolean;
};

export type Draft = { v: 1; files: Pick<FileItem, "key" | "name" | "upload" | "resubmitApproved">[]; urls: UrlItem[] };

let counter = 0;
export const newKey = () => `i${Date.now().toString(36)}${(counter++).toString(36)}`;

export function itemFromFile(file: File): FileItem {
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

export function itemFromUpload(saved: Draft["files"][number]): FileItem | null {
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

export type UploadItems = { files: FileItem[]; urls: UrlItem[] };

export type UploadItemsAction =
  | { type: "filesAdded"; items: FileItem[] }
  | { type: "filePatched"; key: string; change: Partial<FileItem> }
  | { type: "fileReplaced"; key: string; item: FileItem }
  | { type: "removed"; key: string }
  | { type: "retried"; key: string }
  | { type: "allFailedRetried" }
  | { type: "renamed"; key: string; name: string }
  | { type: "urlsAdded"; items: UrlItem[] }
  | { type: "urlTypeSet"; key: string; urlType: AssetType }
  | { type: "resubmitSet"; key: string; resubmitApproved: boolean }
  | { type: "cleared"; keys: readonly string[] }
  | { type: "restored"; files: FileItem[]; urls: UrlItem[] }
  /** Nothing changed, but the upload queue should look again (a slot came free). */
  | { type: "slotFreed" };

export const noUploadItems: UploadItems = { files: [], urls: [] };

const retryable = (item: FileItem) => item.status === "failed" && item.file !== null;
const requeued = (item: FileItem): FileItem => ({ ...item, status: "queued", error: null, loaded: 0 });

/**
 * Every change to the Upload page's files and URLs, as a pure function. The hook does the
 * side effects (reading files, uploading, object URLs, the saved draft) and dispatches here.
 */
export function uploadItemsReducer(state: UploadItems, action: UploadItemsAction): UploadItems {
  const mapFiles = (fn: (item: FileItem) => FileItem) => ({ ...state, files: state.files.map(fn) });
  switch (action.type) {
    case "filesAdded":
      return { ...state, files: [...state.files, ...action.items] };
    case "filePatched":
      return mapFiles((item) => (item.key === action.key ? { ...item, ...action.change } : item));
    case "fileReplaced":
      return mapFiles((item) => (item.key === action.key ? action.item : item));
    case "removed":
      return { files: state.files.filter((f) => f.key !== action.key), urls: state.urls.filter((u) => u.key !== action.key) };
    case "retried":
      return mapFiles((item) => (item.key === action.key && retryable(item) ? requeued(item) : item));
    case "allFailedRetried":
      return mapFiles((item) => (retryable(item) ? requeued(item) : item));
    case "renamed":
      return {
        files: state.files.map((f) => (f.key === action.key ? { ...f, name: action.name } : f)),
        urls: state.urls.map((u) => (u.key === action.key ? { ...u, name: action.name } : u)),
      };
    case "urlsAdded":
      return { ...state, urls: [...state.urls, ...action.items] };
    case "urlTypeSet":
      return { ...state, urls: state.urls.map((u) => (u.key === action.key ? { ...u, type: action.urlType } : u)) };
    case "resubmitSet":
      return {
        files: state.files.map((f) => (f.key === action.key ? { ...f, resubmitApproved: action.resubmitApproved } : f)),
        urls: state.urls.map((u) => (u.key === action.key ? { ...u, resubmitApproved: action.resubmitApproved } : u)),
      };
    case "cleared": {
      const gone = new Set(action.keys);
      return { files: state.files.filter((f) => !gone.has(f.key)), urls: state.urls.filter((u) => !gone.has(u.key)) };
    }
    case "restored":
      return { files: action.files, urls: action.urls };
    case "slotFreed":
      return { ...state, files: [...state.files] };
  }
}

/** What is kept in the browser: finished uploads and URLs (a reload loses only unfinished uploads). */
export function draftOf(state: UploadItems): Draft {
  return {
    v: 1,
    files: state.files.filter((f) => f.status === "done" && f.upload).map((f) => ({ key: f.key, name: f.name, upload: f.upload, resubmitApproved: f.resubmitApproved })),
    urls: state.urls,
  };
}

/** The items a saved draft brings back; a damaged draft brings back nothing. */
export function itemsFromDraft(raw: string | null): UploadItems | null {
  if (!raw) return null;
  try {
    const draft = JSON.parse(raw) as Draft;
    if (draft?.v !== 1) return null;
    return { files: draft.files.map(itemFromUpload).filter((i): i is FileItem => i !== null), urls: draft.urls ?? [] };
  } catch {
    return null;
  }
}
