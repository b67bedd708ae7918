import { Card, CardContent } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";

export const metadata = { title: "Gallery" };

export default function GalleryPage() {
  return (
    <div>
      <PageHeader title="Gallery" description="Approved avatars with their asset:// URLs, the ones in review, and the ones that failed with the reason." />
      <Card>
        <CardContent className="p-8 text-center text-sm text-muted-foreground">This part of Avatar Studio is not open yet.</CardContent>
      </Card>
    </div>
  );
}
