import type { ReactNode } from "react";
import { FinishWatchers } from "@/components/generation/finish-watchers";
import { shellIcons } from "@/components/shell/nav-icons";
import { Sidebar } from "@/components/shell/sidebar";
import { getTranslations } from "next-intl/server";
import { TimeZoneReporter } from "@/components/shell/time-zone-reporter";
import { requirePageUser } from "@/lib/auth/require-page-user";

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const user = await requirePageUser();
  const t = await getTranslations("shell");
  return (
    <div className="md:flex">
      <a
        href="#main"
        className="sr-only z-50 rounded-md bg-primary px-4 py-2 text-sm font-medium text-primary-foreground focus:not-sr-only focus:fixed focus:top-2 focus:left-2"
      >
        {t("skipToMain")}
      </a>
      <Sidebar user={{ email: user.email, name: user.name, role: user.role, teamName: user.teamName }} icons={shellIcons()} />
      <main id="main" tabIndex={-1} className="min-w-0 flex-1 p-4 focus:outline-none md:p-8">
        {children}
      </main>
      <FinishWatchers />
      <TimeZoneReporter known={user.timeZone !== null} />
    </div>
  );
}
