import Link from "next/link";
import { NotificationToggle } from "@/components/generation/notification-toggle";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/require-page-user";
import { listVideoJobsQuerySchema } from "@/lib/generation/list-video-jobs.validation";
import { JobsList } from "./jobs-list";

export const metadata = { title: "Jobs" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | undefined>> };

export default async function JobsPage({ searchParams }: Props) {
  await requirePageUser();
  const parsed = listVideoJobsQuerySchema.safeParse(await searchParams);
  const query = parsed.success ? parsed.data : listVideoJobsQuerySchema.parse({});
  return (
    <div className="max-w-6xl">
      <PageHeader
        title="Jobs"
        description="Every video job of the team, its progress and the finished videos."
        actions={
          <>
            <NotificationToggle />
            <Button asChild size="sm">
              <Link href="/generate">New video</Link>
            </Button>
          </>
        }
      />
      <JobsList initial={{ status: query.status, mine: query.mine, model: query.model ?? "", q: query.q ?? "" }} />
    </div>
  );
}
