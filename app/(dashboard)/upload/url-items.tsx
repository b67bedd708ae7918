"use client";

import { Link2 } from "@/components/icons/link-2";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Textarea } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { lazyClient } from "@/components/ui/lazy-client";
import type { UrlRowsProps } from "./url-rows";

// The rows show only once there are URLs: their code loads with the first.
const UrlRows = lazyClient(() => import("./url-rows").then((m) => m.UrlRows));

/** Add URLs (one per line; the lines that cannot be used stay in the box with their reason), and the rows added. */
export function UrlItems({ onAdd, ...rows }: UrlRowsProps & { onAdd: (text: string) => Promise<{ line: string; reason: string }[]> }) {
  const t = useTranslations("upload");
  const [text, setText] = useState("");
  const [invalid, setInvalid] = useState<{ line: string; reason: string }[]>([]);
  return (
    <div className="flex flex-col gap-3">
      <form
        className="flex flex-col gap-2"
        onSubmit={async (e) => {
          e.preventDefault();
          const bad = await onAdd(text);
          setInvalid(bad);
          setText(bad.map((b) => b.line).join("\n"));
        }}
      >
        <Label htmlFor="asset-urls">{t("urls.label")}</Label>
        <Textarea
          id="asset-urls"
          rows={2}
          placeholder="https://cdn.example.com/avatar-a.png"
          value={text}
          disabled={rows.disabled}
          onChange={(e) => setText(e.target.value)}
          className="font-mono text-xs"
        />
        {invalid.length > 0 ? (
          <div className="text-xs text-destructive" role="alert">
            <p>{t("urls.invalid", { count: invalid.length })}</p>
            <ul className="list-disc pl-4">
              {invalid.map((b) => (
                <li key={b.line}>
                  <span className="font-mono break-all">{b.line}</span>: {b.reason}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        <div>
          <Button type="submit" size="sm" variant="outline" disabled={rows.disabled || !text.trim()}>
            <Link2 /> {t("urls.add")}
          </Button>
        </div>
      </form>
      {rows.urls.length > 0 ? (
        <UrlRows {...rows} />
      ) : null}
      <p className="text-xs text-muted-foreground">{t("urls.help")}</p>
    </div>
  );
}
