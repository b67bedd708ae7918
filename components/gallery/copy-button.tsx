"use client";

import { Check } from "@/components/icons/check";
import { Copy } from "@/components/icons/copy";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { toast } from "@/components/ui/toast";
import { Button } from "@/components/ui/button";

/** Copies a text to the clipboard and says so. */
export function CopyButton({ text, label: givenLabel, className }: { text: string; label?: string; className?: string }) {
  const t = useTranslations("gallery");
  const label = givenLabel ?? t("copy.label");
  const [copied, setCopied] = useState(false);
  return (
    <Button
      type="button"
      variant="outline"
      size="sm"
      className={className}
      aria-label={label}
      onClick={async () => {
        try {
          await navigator.clipboard.writeText(text);
          setCopied(true);
          toast.success(t("copy.done"));
          setTimeout(() => setCopied(false), 1500);
        } catch {
          toast.error(t("copy.failed"));
        }
      }}
    >
      {copied ? <Check /> : <Copy />}
      <span className="sr-only sm:not-sr-only">{copied ? t("copy.copied") : label}</span>
    </Button>
  );
}
