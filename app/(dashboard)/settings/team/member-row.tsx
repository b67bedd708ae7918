"use client";

import { useTranslations } from "next-intl";
import { useAction } from "@/lib/use-action";
import { toast } from "@/components/ui/toast";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { Select } from "@/components/ui/input";
import { Role } from "@/lib/generated/prisma/enums";
import { changeRoleAction } from "@/lib/team/change-role.action";
import { removeMemberAction } from "@/lib/team/remove-member.action";
import { displayName } from "@/lib/users/display-name";
import { useActionMessage } from "@/lib/i18n/use-action-message";

type Member = { id: string; email: string; name: string | null; role: Role; joined: string };

export function MemberRow({ member, isSelf }: { member: Member; isSelf: boolean }) {
  const t = useTranslations("team");
  const tc = useTranslations("common");
  const message = useActionMessage();
  const change = useAction(changeRoleAction, {
    onSuccess: () => toast.success(t("member.roleChanged", { email: member.email })),
    onError: ({ error }) => toast.error(message.error(error, t("member.roleChangeFailed"))),
  });
  const remove = useAction(removeMemberAction, {
    onSuccess: () => toast.success(t("member.removed", { email: member.email })),
    onError: ({ error }) => toast.error(message.error(error, t("member.removeFailed"))),
  });
  return (
    <tr className="border-t border-border" data-testid={`member-${member.email}`}>
      <td className="px-4 py-2">
        <div className="font-medium">{displayName(member)}</div>
        <div className="text-xs text-muted-foreground">{member.email}</div>
      </td>
      <td className="px-4 py-2">
        <Select
          aria-label={t("member.roleOf", { email: member.email })}
          value={member.role}
          disabled={change.isPending}
          onChange={(e) => change.execute({ membershipId: member.id, role: e.target.value as Role })}
          className="w-36"
        >
          {Object.values(Role).map((role) => (
            <option key={role} value={role}>
              {tc(`roles.${role}`)}
            </option>
          ))}
        </Select>
      </td>
      <td className="px-4 py-2 text-muted-foreground">{member.joined}</td>
      <td className="px-4 py-2 text-right">
        {isSelf ? (
          <span className="text-xs text-muted-foreground">{t("member.you")}</span>
        ) : (
          <ConfirmButton
            variant="outline"
            size="sm"
            disabled={remove.isPending}
            title={t("member.removeTitle", { email: member.email })}
            description={t("member.removeDescription")}
            confirmLabel={t("member.removeConfirm")}
            destructive
            onConfirm={() => remove.execute({ membershipId: member.id })}
          >
            {t("member.remove")}
          </ConfirmButton>
        )}
      </td>
    </tr>
  );
}
