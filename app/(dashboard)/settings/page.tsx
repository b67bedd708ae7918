import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { InsightSettings } from "@/components/insight/insight-settings";
import { requirePagePermission } from "@/lib/auth/require-page-user";
import { env } from "@/lib/env";
import { getGenerationSettings } from "@/lib/generation/get-generation-settings";
import { fallbackPrompt } from "@/lib/generation/video-defaults";
import { getProviderSettingsForDisplay } from "@/lib/settings/get-provider-settings";
import { countDisabledWebhookEndpoints } from "@/lib/webhooks/count-disabled-webhook-endpoints";
import { GenerationSettingsForm } from "./generation-settings-form";
import { ProviderSettingsForm } from "./provider-settings-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("settings");
  return { title: t("title") };
}

export default async function SettingsPage() {
  const user = await requirePagePermission("manageSettings");
  const t = await getTranslations("settings");
  const [settings, generation, disabledHooks] = await Promise.all([
    getProviderSettingsForDisplay(user.teamId),
    getGenerationSettings(user.teamId),
    countDisabledWebhookEndpoints(user.teamId),
  ]);
  return (
    <div className="max-w-4xl">
      <PageHeader title={t("title")} description={t("description", { team: user.teamName })} />
      {disabledHooks > 0 ? (
        <p role="alert" className="mb-6 rounded-md border border-destructive/40 bg-destructive/10 p-3 text-sm" data-testid="webhooks-off-notice">
          {t.rich("webhooksOff", {
            count: disabledHooks,
            link: (chunks) => (
              <Link href="/settings/webhooks" className="font-medium underline underline-offset-4">
                {chunks}
              </Link>
            ),
          })}
        </p>
      ) : null}
      <Card className="mb-6">
        <CardHeader>
          <CardTitle>{t("provider.title")}</CardTitle>
          <CardDescription>{t("provider.description")}</CardDescription>
        </CardHeader>
        <CardContent>
          <ProviderSettingsForm
            initial={{
              baseUrl: settings.baseUrl,
              models: settings.models,
              projectName: settings.projectName,
              apiKeyLast4: settings.apiKeyLast4,
              keyIsTeams: settings.overrides.apiKey,
              savedKeyBaseUrl: settings.savedKeyBaseUrl,
            }}
            defaults={{ baseUrl: env.UPSTREAM_BASE_URL, models: env.UPSTREAM_MODELS, projectName: env.UPSTREAM_PROJECT_NAME }}
          />
        </CardContent>
      </Card>
      <Card className="mb-6" id="generation">
        <CardHeader>
          <CardTitle>{t("generation.title")}</CardTitle>
          <CardDescription>{t("generation.description")}</CardDescription>
        </CardHeader>
        <CardContent>
          <GenerationSettingsForm
            models={settings.models}
            defaults={generation.defaults}
            savedPrompt={generation.savedPrompt}
            builtInPrompt={fallbackPrompt}
            priceTable={generation.priceTable}
          />
        </CardContent>
      </Card>
      <InsightSettings teamId={user.teamId} />
      <Link href="/settings/webhooks" className="mb-6 block max-w-md">
        <Card className="hover:border-primary">
          <CardHeader>
            <CardTitle>{t("webhooksLink.title")}</CardTitle>
            <CardDescription>{t("webhooksLink.description")}</CardDescription>
          </CardHeader>
        </Card>
      </Link>
      <Link href="/settings/team" className="block max-w-md">
        <Card className="hover:border-primary">
          <CardHeader>
            <CardTitle>{t("teamLink.title")}</CardTitle>
            <CardDescription>{t("teamLink.description")}</CardDescription>
          </CardHeader>
        </Card>
      </Link>
    </div>
  );
}
