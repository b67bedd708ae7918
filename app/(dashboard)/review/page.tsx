import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { NuqsAdapter } from "nuqs/adapters/next/app";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/require-page-user";
import { listRejectedAssets } from "@/lib/assets/list-rejected-assets";
import { ReviewQueue } from "./review-queue";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("review");
  return { title: t("title") };
}

export default async function ReviewPage() {
  const user = await requirePagePermission("reviewFailed");
  const [queue, t] = await Promise.all([listRejectedAssets(user.teamId), getTranslations("review")]);
  return (
    <div className="mx-auto max-w-6xl">
      <PageHeader
        title={t("title")}
        description={t("description")}
      />
      <NuqsAdapter>
        <ReviewQueue initialQueue={queue} viewer={{ id: user.id, role: user.role }} />
      </NuqsAdapter>
    </div>
  );
}
