import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { NuqsAdapter } from "nuqs/adapters/next/app";
import { NotificationToggle } from "@/components/generation/notification-toggle";
import { buttonVariants } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/require-page-user";
import { listVideoJobs } from "@/lib/generation/list-video-jobs";
import { listVideoJobsQuerySchema } from "@/lib/generation/list-video-jobs.validation";
import { getStorage } from "@/lib/storage/get-storage";
import { JobsList } from "./jobs-list";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("jobs");
  return { title: t("title") };
}
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function JobsPage({ searchParams }: Props) {
  const [user, t] = await Promise.all([requirePageUser(), getTranslations("jobs")]);
  const params = await searchParams;
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const parsed = listVideoJobsQuerySchema.safeParse({ status: one(params.status), mine: one(params.mine), model: one(params.model), q: one(params.q) });
  const query = parsed.success ? parsed.data : listVideoJobsQuerySchema.parse({});
  // The first page comes with the page: the list opens with data, not a spinner.
  const initialPage = await listVideoJobs(user.teamId, user.id, query, { storage: getStorage() });
  return (
    <div className="max-w-6xl">
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <>
            <NotificationToggle />
            <Link href="/generate" className={buttonVariants({ size: "sm" })}>
              {t("newVideo")}
            </Link>
          </>
        }
      />
      <NuqsAdapter>
        <JobsList initialFilters={{ status: query.status, mine: query.mine, model: query.model, q: query.q }} initialPage={initialPage} />
      </NuqsAdapter>
    </div>
  );
}
