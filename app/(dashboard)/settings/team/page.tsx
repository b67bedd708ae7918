import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/require-page-user";
import { listMembers } from "@/lib/team/list-members";
import { AddMemberForm } from "./add-member-form";
import { MemberRow } from "./member-row";

export const metadata = { title: "Team" };

export default async function TeamPage() {
  const user = await requirePagePermission("manageTeam");
  const members = await listMembers(user.teamId);
  return (
    <div className="max-w-4xl">
      <PageHeader title="Team" description={`People in ${user.teamName} and what they may do.`} />
      <div className="overflow-x-auto rounded-lg border border-border">
        <table className="w-full text-sm">
          <thead className="bg-muted text-left text-muted-foreground">
            <tr>
              <th className="px-4 py-2 font-medium">Member</th>
              <th className="px-4 py-2 font-medium">Role</th>
              <th className="px-4 py-2 font-medium">Joined</th>
              <th className="px-4 py-2">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {members.map((m) => (
              <MemberRow
                key={m.id}
                member={{ id: m.id, email: m.user.email, name: m.user.name, role: m.role, joined: m.createdAt.toISOString().slice(0, 10) }}
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
