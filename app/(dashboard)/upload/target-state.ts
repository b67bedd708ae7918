import type { GroupOption } from "@/lib/assets/list-groups";
import type { SubmitAssetsInput } from "@/lib/submissions/submit-assets.validation";

/** Where the Upload page's submission goes: a new group, one of the team's, or a group id from the provider. */
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
