import Link from "next/link";
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

export const metadata = { title: "Settings" };

export default async function SettingsPage() {
  const user = await requirePagePermission("manageSettings");
  const [settings, generation, disabledHooks] = await Promise.all([
    getProviderSettingsForDisplay(user.teamId),
    getGenerationSettings(user.teamId),
    countDisabledWebhookEndpoints(user.teamId),
  ]);
  return (
    <div className="max-w-4xl">
      <PageHeader title="Settings" description={`Settings of ${user.teamName}.`} />
      {disabledHooks > 0 ? (
        <p role="alert" className="mb-6 rounded-md border border-destructive/40 bg-destructive/10 p-3 text-sm" data-testid="webhooks-off-notice">
          {disabledHooks === 1 ? "A webhook endpoint was" : `${disabledHooks} webhook endpoints were`} turned off after a day of failed deliveries.{" "}
          <Link href="/settings/webhooks" className="font-medium underline underline-offset-4">
            See why and turn {disabledHooks === 1 ? "it" : "them"} on again
          </Link>
          .
        </p>
      ) : null}
      <Card className="mb-6">
        <CardHeader>
          <CardTitle>Provider</CardTitle>
          <CardDescription>Where the Seedance 2.0 asset API is and the key this team uses. Empty fields use the server&apos;s settings.</CardDescription>
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
          <CardTitle>Video generation</CardTitle>
          <CardDescription>The prompt and parameters of one-click videos, and the prices the Generate form estimates costs with.</CardDescription>
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
            <CardTitle>Webhooks</CardTitle>
            <CardDescription>Tell other systems when a review or a video is done.</CardDescription>
          </CardHeader>
        </Card>
      </Link>
      <Link href="/settings/team" className="block max-w-md">
        <Card className="hover:border-primary">
          <CardHeader>
            <CardTitle>Team</CardTitle>
            <CardDescription>Add people, change their roles, remove them.</CardDescription>
          </CardHeader>
        </Card>
      </Link>
    </div>
  );
}
