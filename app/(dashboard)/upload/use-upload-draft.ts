"use client";

import { type Dispatch, useEffect, useRef, useState } from "react";
import { draftOf, itemsFromDraft, type UploadItems, type UploadItemsAction } from "./upload-items";

/**
 * Keeps the Upload page's finished uploads and URLs in this browser under `draftKey`:
 * restores them once on mount, then saves on every change. Returns whether the restore ran
 * (nothing is saved before it, so an empty first render cannot wipe the draft).
 */
export function useUploadDraft(draftKey: string, state: UploadItems, dispatch: Dispatch<UploadItemsAction>): boolean {
  const [restored, setRestored] = useState(false);

  useEffect(() => {
    let raw: string | null = null;
    try {
      raw = window.localStorage.getItem(draftKey);
    } catch {
      // Storage blocked: nothing to restore.
    }
    const items = itemsFromDraft(raw);
    if (items) dispatch({ type: "restored", ...items });
    setRestored(true);
  }, [draftKey, dispatch]);

  const lastDraft = useRef<string | null>(null);
  useEffect(() => {
    if (!restored) return;
    const draft = draftOf(state);
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
  }, [state, restored, draftKey]);

  return restored;
}
