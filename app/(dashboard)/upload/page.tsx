import { Card, CardContent } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";

export const metadata = { title: "Upload" };

export default function UploadPage() {
  return (
    <div>
      <PageHeader title="Upload" description="Drop avatars (images, videos, audio), check them against the provider's limits and submit them for review in batches of 20." />
      <Card>
        <CardContent className="p-8 text-center text-sm text-muted-foreground">This part of Avatar Studio is not open yet.</CardContent>
      </Card>
    </div>
  );
}
