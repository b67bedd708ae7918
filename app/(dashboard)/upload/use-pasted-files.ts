"use client";

import { useTranslations } from "next-intl";
import { useEffect } from "react";
import { toast } from "@/components/ui/toast";

/** Files pasted anywhere on the page are added as if dropped. */
export function usePastedFiles(onFiles: (files: File[]) => void) {
  const t = useTranslations("upload");
  useEffect(() => {
    const onPaste = (e: ClipboardEvent) => {
      // Already taken by something on the page that handles pasting itself.
      if (e.defaultPrevented) return;
      const pasted = Array.from(e.clipboardData?.files ?? []);
      if (pasted.length === 0) return;
      e.preventDefault();
      onFiles(pasted);
      toast.success(t("drop.pasted", { count: pasted.length }));
    };
    window.addEventListener("paste", onPaste);
    return () => window.removeEventListener("paste", onPaste);
  }, [onFiles, t]);
}
