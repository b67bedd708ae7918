import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { listRecentAuditEvents } from "@/lib/audit";
import { requirePageUser } from "@/lib/auth/require-page-user";

export const metadata = { title: "Overview" };

export default async function OverviewPage() {
  const user = await requirePageUser();
  const events = await listRecentAuditEvents(user.teamId, 15);
  return (
    <div className="max-w-5xl">
      <PageHeader title="Overview" description={`Welcome, ${user.name ?? user.email}.`} />
      <Card>
        <CardHeader>
          <CardTitle>Latest activity in {user.teamName}</CardTitle>
        </CardHeader>
        <CardContent>
          {events.length === 0 ? (
            <p className="text-sm text-muted-foreground">Nothing has happened in this team yet.</p>
          ) : (
            <ul className="divide-y divide-border text-sm" data-testid="audit-events">
              {events.map((e) => (
                <li key={e.id} className="flex justify-between gap-4 py-2">
                  <span>
                    <span className="font-medium">{e.actor?.name ?? e.actor?.email ?? "System"}</span> — {e.action.replace(/[._]/g, " ")}
                  </span>
                  <time className="shrink-0 text-muted-foreground" dateTime={e.createdAt.toISOString()}>
                    {e.createdAt.toISOString().replace("T", " ").slice(0, 16)}
                  </time>
                </li>
              ))}
            </ul>
          )}
        </CardContent>
      </Card>
    </div>
  );
}
