import { NuqsAdapter } from "nuqs/adapters/next/app";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/require-page-user";
import { listRejectedAssets } from "@/lib/assets/list-rejected-assets";
import { ReviewQueue } from "./review-queue";

export const metadata = { title: "Review" };

export default async function ReviewPage() {
  const user = await requirePagePermission("reviewFailed");
  const queue = await listRejectedAssets(user.teamId);
  return (
    <div className="mx-auto max-w-6xl">
      <PageHeader
        title="Review"
        description="Failed assets of the team, grouped by reason: replace the file, resubmit it as it is, or dismiss it with a note."
      />
      <NuqsAdapter>
        <ReviewQueue initialQueue={queue} viewer={{ id: user.id, role: user.role }} />
      </NuqsAdapter>
    </div>
  );
}
