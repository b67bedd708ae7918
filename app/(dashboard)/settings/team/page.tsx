import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/require-page-user";
import { getFormat } from "@/lib/i18n/get-format";
import { listMembers } from "@/lib/team/list-members";
import { AddMemberForm } from "./add-member-form";
import { MemberRow } from "./member-row";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("team");
  return { title: t("title") };
}

export default async function TeamPage() {
  const user = await requirePagePermission("manageTeam");
  const t = await getTranslations("team");
  const format = await getFormat();
  const members = await listMembers(user.teamId);
  return (
    <div className="max-w-4xl">
      <PageHeader title={t("title")} description={t("description", { team: user.teamName })} />
      <div className="relative overflow-x-auto rounded-lg border border-border">
        <table className="w-full text-sm">
          <thead className="bg-muted text-left text-muted-foreground">
            <tr>
              <th className="px-4 py-2 font-medium">{t("table.member")}</th>
              <th className="px-4 py-2 font-medium">{t("table.role")}</th>
              <th className="px-4 py-2 font-medium">{t("table.joined")}</th>
              <th className="px-4 py-2">
                <span className="sr-only">{t("table.actions")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {members.map((m) => (
              <MemberRow
                key={m.id}
                member={{ id: m.id, email: m.user.email, name: m.user.name, role: m.role, joined: format.day(m.createdAt) }}
                isSelf={m.user.id === user.id}
              />
            ))}
          </tbody>
        </table>
      </div>
      <AddMemberForm />
    </div>
  );
}
