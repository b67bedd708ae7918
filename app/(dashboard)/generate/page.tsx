import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { NotificationToggle } from "@/components/generation/notification-toggle";
import { PageHeader } from "@/components/ui/page-header";
import { listGroups } from "@/lib/assets/list-groups";
import { requirePageUser } from "@/lib/auth/require-page-user";
import { can } from "@/lib/auth/roles";
import { isAppError } from "@/lib/errors";
import { getGenerationSettings } from "@/lib/generation/get-generation-settings";
import { getVideoJob } from "@/lib/generation/get-video-job";
import { listApprovedAssets } from "@/lib/generation/list-approved-assets";
import { paramsFromDefaults, pickModel } from "@/lib/generation/video-defaults";
import { type ReferenceRole, defaultRoleFor } from "@/lib/generation/video-rules";
import { getProviderSettingsForDisplay } from "@/lib/settings/get-provider-settings";
import { getStorage } from "@/lib/storage/get-storage";
import { type GenerateFormInitial, GenerateForm } from "./generate-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("generate");
  return { title: t("title") };
}
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<{ from?: string; assets?: string }> };

/**
 * The Generate form. `?from=<job id>` prefills it from a job (Duplicate); `?assets=<ids>`
 * preselects approved assets.
 */
export default async function GeneratePage({ searchParams }: Props) {
  const [user, t] = await Promise.all([requirePageUser(), getTranslations("generate")]);
  const { from, assets } = await searchParams;
  const storage = getStorage();
  const [provider, generation, groups] = await Promise.all([
    getProviderSettingsForDisplay(user.teamId),
    getGenerationSettings(user.teamId),
    listGroups(user.teamId),
  ]);
  const { defaults } = generation;
  let initial: GenerateFormInitial = {
    model: pickModel(defaults.model, provider.models),
    prompt: "",
    selected: [],
    ...paramsFromDefaults(defaults),
  };
  const notices: string[] = [];

  if (from) {
    try {
      const job = await getVideoJob(user.teamId, from, { storage, includeRaw: false });
      const roles = new Map(job.references.map((r) => [r.assetId, r.role as ReferenceRole]));
      const approved = await listApprovedAssets(user.teamId, { ids: [...roles.keys()], limit: 50 }, { storage });
      const byId = new Map(approved.items.map((a) => [a.id, a]));
      initial = {
        ...initial,
        ...job.params,
        model: provider.models.includes(job.model) ? job.model : initial.model,
        prompt: job.prompt ?? "",
        selected: job.references.flatMap((r) => {
          const asset = byId.get(r.assetId);
          return asset ? [{ asset, role: roles.get(r.assetId) ?? defaultRoleFor(asset.type) }] : [];
        }),
      };
      const missing = job.references.length - initial.selected.length;
      if (missing > 0) notices.push(t("notices.referencesLeftOut", { missing }));
      if (!provider.models.includes(job.model)) notices.push(t("notices.modelGone", { model: job.model, chosen: initial.model }));
    } catch (error) {
      if (!isAppError(error)) throw error;
      notices.push(t("notices.jobNotFound"));
    }
  } else if (assets) {
    const ids = assets.split(",").map((s) => s.trim()).filter(Boolean).slice(0, 50);
    const approved = await listApprovedAssets(user.teamId, { ids, limit: 50 }, { storage });
    const byId = new Map(approved.items.map((a) => [a.id, a]));
    initial.selected = ids.flatMap((id) => {
      const asset = byId.get(id);
      return asset ? [{ asset, role: defaultRoleFor(asset.type) }] : [];
    });
  }

  return (
    <div>
      <PageHeader
        title={t("title")}
        description={
          <>
            {t("description")}{" "}
            {can(user.role, "manageSettings")
              ? t.rich("defaultsIn", {
                  link: (chunks) => (
                    <Link href="/settings#generation" className="text-primary underline underline-offset-4">
                      {chunks}
                    </Link>
                  ),
                })
              : null}
          </>
        }
        actions={<NotificationToggle />}
      />
      {notices.length > 0 ? (
        <div role="status" className="mb-4 rounded-md border border-warning/40 bg-warning/10 p-3 text-sm text-foreground">
          {notices.join(" ")}
        </div>
      ) : null}
      <GenerateForm
        initial={initial}
        models={provider.models}
        groups={groups.filter((g) => g.approvedCount > 0).map((g) => ({ id: g.id, name: g.name, approvedCount: g.approvedCount }))}
        priceTable={generation.priceTable}
        duplicateOf={from && initial.selected.length + initial.prompt.length > 0 ? from : null}
      />
    </div>
  );
}
