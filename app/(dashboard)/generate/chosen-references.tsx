"use client";

import { ArrowDown } from "@/components/icons/arrow-down";
import { ArrowUp } from "@/components/icons/arrow-up";
import { X } from "@/components/icons/x";
import { useTranslations } from "next-intl";
import { AssetThumbnail } from "@/components/assets/asset-thumbnail";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/input";
import { useFormat } from "@/lib/i18n/use-format";
import type { ApprovedAssetView } from "@/lib/generation/list-approved-assets";
import { imageRoles, type ReferenceRole } from "@/lib/generation/video-rules";
import type { SelectedReference } from "./generate-form";

/** The references chosen for a video, in order: each image's role, move up or down, remove. */
export function ChosenReferences({
  selected,
  onRole,
  onMove,
  onRemove,
}: {
  selected: SelectedReference[];
  onRole: (assetId: string, role: ReferenceRole) => void;
  onMove: (index: number, by: -1 | 1) => void;
  onRemove: (asset: ApprovedAssetView) => void;
}) {
  const t = useTranslations("generate");
  const format = useFormat();
  return (
    <section aria-label={t("chosen.label")}>
      {selected.length === 0 ? (
        <p className="rounded-md border border-dashed border-border p-4 text-center text-sm text-muted-foreground">
          {t("chosen.empty")}
        </p>
      ) : (
        <ol className="flex flex-col gap-2" data-testid="selected-references">
          {selected.map((s, i) => (
            <li key={s.asset.id} className="flex items-center gap-3 rounded-md border border-border p-2">
              <AssetThumbnail look="tile" type={s.asset.type} thumbnailUrl={s.asset.thumbnailUrl} name={s.asset.name} className="size-12 shrink-0" />
              <div className="min-w-0 flex-1">
                <div className="truncate text-sm font-medium" title={s.asset.name}>
                  {s.asset.name}
                </div>
                {s.asset.type === "IMAGE" ? (
                  <Select
                    aria-label={t("chosen.roleOf", { name: s.asset.name })}
                    value={s.role}
                    onChange={(e) => onRole(s.asset.id, e.target.value as ReferenceRole)}
                    className="mt-1 h-8 text-xs"
                  >
                    {imageRoles.map((role) => (
                      <option key={role} value={role}>
                        {t(`roles.${role}`)}
                      </option>
                    ))}
                  </Select>
                ) : (
                  <div className="text-xs text-muted-foreground">
                    {t(`roles.${s.role}`)}
                    {s.asset.durationMs ? ` · ${format.seconds(s.asset.durationMs)}` : ""}
                  </div>
                )}
              </div>
              <div className="flex shrink-0 flex-col">
                <Button type="button" variant="ghost" size="icon" className="size-6" aria-label={t("chosen.moveUp", { name: s.asset.name })} disabled={i === 0} onClick={() => onMove(i, -1)}>
                  <ArrowUp className="size-3.5" />
                </Button>
                <Button
                  type="button"
                  variant="ghost"
                  size="icon"
                  className="size-6"
                  aria-label={t("chosen.moveDown", { name: s.asset.name })}
                  disabled={i === selected.length - 1}
                  onClick={() => onMove(i, 1)}
                >
                  <ArrowDown className="size-3.5" />
                </Button>
              </div>
              <Button type="button" variant="ghost" size="icon" aria-label={t("chosen.remove", { name: s.asset.name })} onClick={() => onRemove(s.asset)}>
                <X />
              </Button>
            </li>
          ))}
        </ol>
      )}
      <p className="mt-2 text-xs text-muted-foreground">
        {t("chosen.hint")}
      </p>
    </section>
  );
}
