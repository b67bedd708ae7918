"use client";

import { FolderPlus, FolderOpen, Hash } from "lucide-react";
import { RadioGroup } from "radix-ui";
import { useTranslations } from "next-intl";
import { Input, Select, Textarea } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { GroupOption } from "@/lib/assets/list-groups";
import type { SubmitAssetsInput } from "@/lib/submissions/submit-assets.validation";
import { cn } from "@/lib/utils";

export type TargetState = {
  kind: "new" | "existing" | "provider";
  name: string;
  description: string;
  groupId: string;
  providerGroupId: string;
  projectName: string;
};

export function initialTarget(projectName: string): TargetState {
  return { kind: "new", name: "", description: "", groupId: "", providerGroupId: "", projectName };
}

/** Why a target is not complete yet: a key under `upload.target.reasons`. */
export type TargetProblem = "chooseGroup" | "projectName" | "providerGroupId" | "groupName";

/** The action's `target` and `projectName`, or why the target is not complete yet. */
export function targetInput(
  target: TargetState,
  groups: readonly GroupOption[],
): { ok: true; value: Pick<SubmitAssetsInput, "target" | "projectName"> } | { ok: false; reason: TargetProblem } {
  const projectName = target.projectName.trim();
  if (target.kind === "existing") {
    const group = groups.find((g) => g.id === target.groupId);
    if (!group) return { ok: false, reason: "chooseGroup" };
    return { ok: true, value: { target: { kind: "existing", groupId: group.id }, projectName: group.projectName } };
  }
  if (!projectName) return { ok: false, reason: "projectName" };
  if (target.kind === "provider") {
    const id = target.providerGroupId.trim();
    if (!id) return { ok: false, reason: "providerGroupId" };
    return { ok: true, value: { target: { kind: "provider", providerGroupId: id }, projectName } };
  }
  const name = target.name.trim();
  if (!name) return { ok: false, reason: "groupName" };
  return { ok: true, value: { target: { kind: "new", name, description: target.description.trim() || undefined }, projectName } };
}

/** The team's group the submission will land in, when it is known already (for duplicate checks). */
export function knownGroupId(target: TargetState, groups: readonly GroupOption[]): string | null {
  const project = target.projectName.trim();
  if (target.kind === "existing") return groups.some((g) => g.id === target.groupId) ? target.groupId : null;
  if (target.kind === "provider") return groups.find((g) => g.providerGroupId === target.providerGroupId.trim() && g.projectName === project)?.id ?? null;
  return groups.find((g) => g.name === target.name.trim() && g.projectName === project)?.id ?? null;
}

// Visible labels are the radios' names; short enough to stay on one line in the narrow card.
const kinds = [
  { kind: "new", icon: FolderPlus },
  { kind: "existing", icon: FolderOpen },
  { kind: "provider", icon: Hash },
] as const;

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
  return (
    <fieldset className="flex flex-col gap-4" disabled={disabled}>
      <legend className="sr-only">{t("target.legend")}</legend>
      <RadioGroup.Root
        aria-label={t("target.label")}
        value={target.kind}
        onValueChange={(v) => {
          const kind = v as TargetState["kind"];
          onChange({ kind, groupId: kind === "existing" && !target.groupId ? (groups[0]?.id ?? "") : target.groupId });
        }}
        disabled={disabled}
        orientation="horizontal"
        className="@container flex gap-1 rounded-lg bg-muted p-1"
      >
        {kinds.map(({ kind, icon: Icon }) => (
          <RadioGroup.Item
            key={kind}
            value={kind}
            title={t(`target.kinds.${kind}`)}
            className={cn(
              "flex flex-auto flex-col items-center justify-center gap-1 rounded-md px-1.5 py-1.5 text-xs font-medium whitespace-nowrap text-muted-foreground transition-colors hover:text-foreground focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring @sm:flex-row @sm:text-sm",
              "data-[state=checked]:bg-background data-[state=checked]:text-foreground data-[state=checked]:shadow-sm",
            )}
          >
            <Icon className="size-4 shrink-0" aria-hidden />
            <span className="leading-tight">{t(`target.kinds.${kind}`)}</span>
          </RadioGroup.Item>
        ))}
      </RadioGroup.Root>

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
  );
}
