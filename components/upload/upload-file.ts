import { messageKey } from "@/lib/i18n/message-key";
import type { LimitViolation } from "@/lib/media/limit-violation";
import type { UploadView } from "@/lib/media/upload-view";
import { readUploadCreated, readUploadError } from "@/components/upload/read-upload-answer";

export type UploadOutcome =
  | { kind: "done"; upload: UploadView; deduplicated: boolean }
  | { kind: "refused"; violations: LimitViolation[]; message: string }
  /** `message` is the server's words, or a key of the `upload` catalogue with `values` (see useOutcomeText). */
  | { kind: "failed"; message: string; values?: Record<string, string | number> };

/**
 * Sends one file to `POST /api/uploads?name=` as the raw request body. XMLHttpRequest, not
 * fetch, because only it reports upload progress. Never rejects: every ending is an outcome.
 */
export function uploadFile(file: File, onProgress: (loaded: number, total: number) => void): { done: Promise<UploadOutcome>; abort: () => void } {
  const xhr = new XMLHttpRequest();
  const done = new Promise<UploadOutcome>((resolve) => {
    xhr.open("POST", `/api/uploads?name=${encodeURIComponent(file.name)}`);
    xhr.setRequestHeader("Content-Type", file.type || "application/octet-stream");
    xhr.responseType = "text";
    xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : file.size);
    xhr.onload = () => resolve(readAnswer(xhr.status, xhr.responseText));
    xhr.onerror = () => resolve({ kind: "failed", message: messageKey("upload.transfer.connectionLost") });
    xhr.ontimeout = () => resolve({ kind: "failed", message: messageKey("upload.transfer.timedOut") });
    xhr.onabort = () => resolve({ kind: "failed", message: messageKey("upload.transfer.stopped") });
    xhr.send(file);
  });
  return { done, abort: () => xhr.abort() };
}

function readAnswer(status: number, text: string): UploadOutcome {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  if (status === 201) {
    const created = readUploadCreated(body);
    if (created) return { kind: "done", upload: created.upload, deduplicated: created.deduplicated };
    return { kind: "failed", message: messageKey("upload.transfer.unreadable") };
  }
  const error = readUploadError(body);
  if (status === 422 && error?.violations?.length) {
    return { kind: "refused", violations: error.violations, message: error.error.message };
  }
  if (status === 401) return { kind: "failed", message: messageKey("upload.transfer.sessionEnded") };
  if (error) return { kind: "failed", message: error.error.message };
  if (status === 413) return { kind: "failed", message: messageKey("upload.transfer.tooLarge") };
  return status ? { kind: "failed", message: messageKey("upload.transfer.httpStatus"), values: { status } } : { kind: "failed", message: messageKey("upload.transfer.noAnswer") };
}
