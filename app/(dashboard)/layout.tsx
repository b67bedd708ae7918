import type { ReactNode } from "react";
import { JobFinishWatcher } from "@/components/generation/job-finish-watcher";
import { Sidebar } from "@/components/shell/sidebar";
import { requirePageUser } from "@/lib/auth/require-page-user";

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const user = await requirePageUser();
  return (
    <div className="md:flex">
      <Sidebar user={{ email: user.email, name: user.name, role: user.role, teamName: user.teamName }} />
      <main className="min-w-0 flex-1 p-4 md:p-8">{children}</main>
      <JobFinishWatcher />
    </div>
  );
}
