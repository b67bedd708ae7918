import Link from "next/link";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/require-page-user";

export const metadata = { title: "Settings" };

export default async function SettingsPage() {
  const user = await requirePagePermission("manageSettings");
  return (
    <div className="max-w-4xl">
      <PageHeader title="Settings" description={`Settings of ${user.teamName}.`} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Link href="/settings/team" className="block">
          <Card className="h-full hover:border-primary">
            <CardHeader>
              <CardTitle>Team</CardTitle>
              <CardDescription>Add people, change their roles, remove them.</CardDescription>
            </CardHeader>
          </Card>
        </Link>
      </div>
    </div>
  );
}
