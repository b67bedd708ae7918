import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { requirePageUser } from "@/lib/auth/require-page-user";
import { can } from "@/lib/auth/roles";
import { env } from "@/lib/env";
import { isAppError } from "@/lib/errors";
import { getVideoJob } from "@/lib/generation/get-video-job";
import { getStorage } from "@/lib/storage/get-storage";
import { JobDetail } from "./job-detail";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("jobs");
  return { title: t("job.title") };
}
export const dynamic = "force-dynamic";

export default async function JobPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser();
  const { id } = await params;
  if (env.E2E_BROKEN_RECORD_ID && id === env.E2E_BROKEN_RECORD_ID) throw new Error("The browser tests' broken record was opened");
  const job = await getVideoJob(user.teamId, id, { storage: getStorage(), includeRaw: can(user.role, "viewRawPayload") }).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  return <JobDetail initialJob={job} canViewRaw={can(user.role, "viewRawPayload")} />;
}
