"use client";

import { useEffect } from "react";
import { toast } from "@/components/ui/toast";

/** Files pasted anywhere on the page are added as if dropped. */
export function usePastedFiles(onFiles: (files: File[]) => void) {
  useEffect(() => {
    const onPaste = (e: ClipboardEvent) => {
      const pasted = Array.from(e.clipboardData?.files ?? []);
      if (pasted.length === 0) return;
      e.preventDefault();
      onFiles(pasted);
      toast.success(`${pasted.length} ${pasted.length === 1 ? "file" : "files"} pasted`);
    };
    window.addEventListener("paste", onPaste);
    return () => window.removeEventListener("paste", onPaste);
  }, [onFiles]);
}
