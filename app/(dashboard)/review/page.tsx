import { Card, CardContent } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/require-page-user";

export const metadata = { title: "Review" };

export default async function ReviewPage() {
  await requirePagePermission("reviewFailed");
  return (
    <div>
      <PageHeader title="Review" description="Failed assets of the team, grouped by reason: replace the file, resubmit or dismiss." />
      <Card>
        <CardContent className="p-8 text-center text-sm text-muted-foreground">This part of Avatar Studio is not open yet.</CardContent>
      </Card>
    </div>
  );
}
