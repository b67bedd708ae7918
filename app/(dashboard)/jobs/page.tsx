import { Card, CardContent } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";

export const metadata = { title: "Jobs" };

export default function JobsPage() {
  return (
    <div>
      <PageHeader title="Jobs" description="Every video job of the team, its progress and the finished videos." />
      <Card>
        <CardContent className="p-8 text-center text-sm text-muted-foreground">This part of Avatar Studio is not open yet.</CardContent>
      </Card>
    </div>
  );
}
