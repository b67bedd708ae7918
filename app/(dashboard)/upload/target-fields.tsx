"use client";

import { useTranslations } from "next-intl";
import { hydrateAfterLoad } from "@/components/ui/hydrate-after-load";
import { Skeleton } from "@/components/ui/skeleton";
import { useStableCallback } from "@/components/ui/use-stable-callback";
import { Input, Select, Textarea } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { GroupOption } from "@/lib/assets/list-groups";
import type { TargetState } from "./target-state";

// Radix's radio group (with its roving focus) is not needed until the kind of group is
// changed: it hydrates after the page has loaded. The text fields around it hydrate with the
// page, so nothing typed early is lost.
const TargetKindRadios = hydrateAfterLoad(() => import("./target-kind-radios").then((m) => m.TargetKindRadios), () => <Skeleton className="h-12 w-full rounded-lg" />);

export function TargetFields({
  target,
  groups,
  disabled,
  onChange,
}: {
  target: TargetState;
  groups: readonly GroupOption[];
  disabled: boolean;
  onChange: (change: Partial<TargetState>) => void;
}) {
  const t = useTranslations("upload");
  const sameName = target.kind === "new" ? groups.find((g) => g.name === target.name.trim() && g.projectName === target.projectName.trim()) : undefined;
  const chosen = target.kind === "existing" ? groups.find((g) => g.id === target.groupId) : undefined;
  // Stable: the radios keep the props the server drew them with until they have hydrated.
  const chooseKind = useStableCallback((kind: TargetState["kind"]) =>
    onChange({ kind, groupId: kind === "existing" && !target.groupId ? (groups[0]?.id ?? "") : target.groupId }),
  );
  return (
    <div className="flex flex-col gap-4">
      {/* The radios' container queries measure this box. It stays out of the fieldset: Chromium
          drew no box for the radios hydrated late inside one. */}
      <div className="@container">
        <TargetKindRadios label={t("target.label")} value={target.kind} disabled={disabled} onChange={chooseKind} />
      </div>
      <fieldset className="flex flex-col gap-4" disabled={disabled}>
        <legend className="sr-only">{t("target.legend")}</legend>

        {target.kind === "new" ? (
          <>
            <div className="flex flex-col gap-2">
              <Label htmlFor="group-name">{t("target.groupName")}</Label>
              <Input id="group-name" maxLength={255} placeholder={t("target.groupNamePlaceholder")} value={target.name} onChange={(e) => onChange({ name: e.target.value })} />
              {sameName ? (
                <p className="text-xs text-muted-foreground">
                  {t("target.sameName", { approved: sameName.approvedCount })}
                </p>
              ) : null}
            </div>
            <div className="flex flex-col gap-2">
              <Label htmlFor="group-description">{t("target.description")}</Label>
              <Textarea id="group-description" rows={2} maxLength={4000} placeholder={t("target.optional")} value={target.description} onChange={(e) => onChange({ description: e.target.value })} />
            </div>
          </>
        ) : null}

        {target.kind === "existing" ? (
          <div className="flex flex-col gap-2">
            <Label htmlFor="group-id">{t("target.group")}</Label>
            {groups.length === 0 ? (
              <p className="rounded-md border border-dashed border-border p-3 text-sm text-muted-foreground">
                {t("target.noGroups")}
              </p>
            ) : (
              <Select id="group-id" value={target.groupId} onChange={(e) => onChange({ groupId: e.target.value })}>
                <option value="" disabled>
                  {t("target.chooseGroup")}
                </option>
                {groups.map((g) => (
                  <option key={g.id} value={g.id}>
                    {t("target.groupOption", { name: g.name, project: g.projectName, approved: g.approvedCount })}
                  </option>
                ))}
              </Select>
            )}
            {chosen?.description ? <p className="text-xs text-muted-foreground">{chosen.description}</p> : null}
            {chosen?.providerGroupId ? <p className="font-mono text-xs text-muted-foreground">{chosen.providerGroupId}</p> : null}
          </div>
        ) : null}

        {target.kind === "provider" ? (
          <div className="flex flex-col gap-2">
            <Label htmlFor="provider-group-id">{t("target.providerGroupId")}</Label>
            <Input
              id="provider-group-id"
              className="font-mono"
              placeholder="group-20260415111540-abcde"
              value={target.providerGroupId}
              onChange={(e) => onChange({ providerGroupId: e.target.value })}
            />
            <p className="text-xs text-muted-foreground">{t("target.providerGroupHelp")}</p>
          </div>
        ) : null}

        <div className="flex flex-col gap-2">
          <Label htmlFor="project-name">{t("target.project")}</Label>
          <Input
            id="project-name"
            maxLength={255}
            value={chosen ? chosen.projectName : target.projectName}
            disabled={target.kind === "existing"}
            onChange={(e) => onChange({ projectName: e.target.value })}
          />
          {target.kind === "existing" ? <p className="text-xs text-muted-foreground">{t("target.keepsProject")}</p> : null}
        </div>
      </fieldset>
    </div>
  );
}
