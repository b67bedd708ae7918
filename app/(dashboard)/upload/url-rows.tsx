"use client";

import { X } from "@/components/icons/x";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/input";
import type { ApprovedDuplicate } from "@/lib/assets/find-approved-duplicates";
import type { AssetType } from "@/lib/generated/prisma/enums";
import { cn } from "@/lib/utils";
import { MAX_ASSET_NAME_LENGTH } from "@/lib/submissions/unique-names";
import { ApprovedNote } from "./approved-note";
import type { UrlItem } from "./upload-items";

const assetTypes: readonly AssetType[] = ["IMAGE", "VIDEO", "AUDIO"];

export type UrlRowsProps = {
  urls: readonly UrlItem[];
  nameErrors: ReadonlyMap<string, string>;
  disabled: boolean;
  onRename: (key: string, name: string) => void;
  onType: (key: string, type: AssetType) => void;
  onRemove: (key: string) => void;
  /** URL assets already approved in the target group, by URL. */
  approvedByUrl: ReadonlyMap<string, ApprovedDuplicate>;
  onResubmit: (key: string, resubmit: boolean) => void;
};

/** The URLs added so far, each with its name, its type and a way to remove it. */
export function UrlRows({ urls, nameErrors, disabled, onRename, onType, onRemove, approvedByUrl, onResubmit }: UrlRowsProps) {
  const t = useTranslations("upload");
  return (
    <ul className="flex flex-col gap-2">
      {urls.map((u) => {
        const error = nameErrors.get(u.key);
        const approved = approvedByUrl.get(u.url.trim()) ?? null;
        return (
          <li
            key={u.key}
            className={cn("flex flex-col gap-2 rounded-lg border border-border bg-card p-3 sm:flex-row sm:items-start", approved && !u.resubmitApproved && "opacity-70")}
            data-testid="url-row"
          >
            <div className="flex min-w-0 flex-1 flex-col gap-1">
              <label className="sr-only" htmlFor={`url-name-${u.key}`}>
                {t("urls.nameFor", { url: u.url })}
              </label>
              <Input id={`url-name-${u.key}`} className="h-8 font-medium" value={u.name} maxLength={255} disabled={disabled} aria-invalid={error ? true : undefined} aria-describedby={error ? `url-name-${u.key}-error` : undefined} onChange={(e) => onRename(u.key, e.target.value)} />
              {error ? <p id={`url-name-${u.key}-error`} className="text-xs text-destructive">{t(`names.${error}`, { max: MAX_ASSET_NAME_LENGTH })}</p> : null}
              <p className="truncate font-mono text-xs text-muted-foreground" title={u.url}>
                {u.url}
              </p>
              {approved ? <ApprovedNote approved={approved} resubmit={!!u.resubmitApproved} onResubmit={(v) => onResubmit(u.key, v)} /> : null}
            </div>
            <div className="flex items-center gap-1.5">
              <label className="sr-only" htmlFor={`url-type-${u.key}`}>
                {t("urls.typeOf", { url: u.url })}
              </label>
              <Select id={`url-type-${u.key}`} className="h-8 w-32" value={u.type} disabled={disabled} onChange={(e) => onType(u.key, e.target.value as AssetType)}>
                {assetTypes.map((type) => (
                  <option key={type} value={type}>
                    {t(`urls.types.${type}`)}
                  </option>
                ))}
              </Select>
              <Button size="icon" variant="ghost" className="size-8" disabled={disabled} onClick={() => onRemove(u.key)} aria-label={t("urls.remove", { url: u.url })}>
                <X />
              </Button>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
