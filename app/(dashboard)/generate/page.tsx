import { Card, CardContent } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";

export const metadata = { title: "Generate" };

export default function GeneratePage() {
  return (
    <div>
      <PageHeader title="Generate" description="Turn approved avatars into Seedance 2.0 videos." />
      <Card>
        <CardContent className="p-8 text-center text-sm text-muted-foreground">This part of Avatar Studio is not open yet.</CardContent>
      </Card>
    </div>
  );
}
