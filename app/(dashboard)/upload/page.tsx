import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/require-page-user";
import { listGroups } from "@/lib/assets/list-groups";
import { listSubmissions } from "@/lib/submissions/list-submissions";
import { providerOnPrivateAddress } from "@/lib/net/asset-url-check";
import { getProviderSettingsForDisplay } from "@/lib/settings/get-provider-settings";
import { UsageCard } from "@/components/insight/usage-card";
import { UploadWorkspace } from "./upload-workspace";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("upload");
  return { title: t("title") };
}
export const dynamic = "force-dynamic";

export default async function UploadPage() {
  const [user, t] = await Promise.all([requirePageUser(), getTranslations("upload")]);
  const [settings, groups, submissions] = await Promise.all([
    getProviderSettingsForDisplay(user.teamId),
    listGroups(user.teamId),
    listSubmissions(user.teamId),
  ]);
  const providerIsPrivate = await providerOnPrivateAddress(settings.baseUrl);
  return (
    <div>
      <PageHeader
        title={t("title")}
        description={t("description")}
      />
      <UsageCard teamId={user.teamId} compact />
      <UploadWorkspace userId={user.id} defaultProjectName={settings.projectName} initialGroups={groups} initialSubmissions={submissions} providerIsPrivate={providerIsPrivate} />
    </div>
  );
}
