"use client";

import { useAction } from "next-safe-action/hooks";
import { toast } from "sonner";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { Select } from "@/components/ui/input";
import { roleLabels } from "@/lib/auth/roles";
import type { Role } from "@/lib/generated/prisma/enums";
import { changeRoleAction } from "@/lib/team/change-role.action";
import { removeMemberAction } from "@/lib/team/remove-member.action";
import { displayName } from "@/lib/users/display-name";
import { actionErrorMessage } from "@/lib/action-message";

type Member = { id: string; email: string; name: string | null; role: Role; joined: string };

export function MemberRow({ member, isSelf }: { member: Member; isSelf: boolean }) {
  const change = useAction(changeRoleAction, {
    onSuccess: () => toast.success(`Role of ${member.email} changed`),
    onError: ({ error }) => toast.error(actionErrorMessage(error, "Could not change the role.")),
  });
  const remove = useAction(removeMemberAction, {
    onSuccess: () => toast.success(`${member.email} removed from the team`),
    onError: ({ error }) => toast.error(actionErrorMessage(error, "Could not remove the member.")),
  });
  return (
    <tr className="border-t border-border" data-testid={`member-${member.email}`}>
      <td className="px-4 py-2">
        <div className="font-medium">{displayName(member)}</div>
        <div className="text-xs text-muted-foreground">{member.email}</div>
      </td>
      <td className="px-4 py-2">
        <Select
          aria-label={`Role of ${member.email}`}
          value={member.role}
          disabled={change.isPending}
          onChange={(e) => change.execute({ membershipId: member.id, role: e.target.value as Role })}
          className="w-36"
        >
          {Object.entries(roleLabels).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </Select>
      </td>
      <td className="px-4 py-2 text-muted-foreground">{member.joined}</td>
      <td className="px-4 py-2 text-right">
        {isSelf ? (
          <span className="text-xs text-muted-foreground">You</span>
        ) : (
          <ConfirmButton
            variant="outline"
            size="sm"
            disabled={remove.isPending}
            title={`Remove ${member.email}?`}
            description="They leave the team and are signed out at once."
            confirmLabel="Remove from the team"
            destructive
            onConfirm={() => remove.execute({ membershipId: member.id })}
          >
            Remove
          </ConfirmButton>
        )}
      </td>
    </tr>
  );
}
