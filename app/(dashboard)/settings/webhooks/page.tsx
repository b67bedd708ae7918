import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { RelativeTime } from "@/components/ui/relative-time";
import { requirePagePermission } from "@/lib/auth/require-page-user";
import { listWebhookEndpoints } from "@/lib/webhooks/list-webhook-endpoints";
import { webhookEventTypes } from "@/lib/webhooks/webhook-events";
import { getFormat } from "@/lib/i18n/get-format";
import { AddEndpointForm } from "./add-endpoint-form";
import { RotateSecretForm } from "./rotate-secret-form";
import { EnableEndpointButton, RedeliverButton, RemoveEndpointButton } from "./endpoint-buttons";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("webhooks");
  return { title: t("title") };
}

const stateBadge = { PENDING: "info", SUCCEEDED: "success", FAILED: "destructive" } as const;

export default async function WebhooksPage() {
  const user = await requirePagePermission("manageSettings");
  const t = await getTranslations("webhooks");
  const format = await getFormat();
  const endpoints = await listWebhookEndpoints(user.teamId);
  const now = new Date();
  return (
    <div className="max-w-5xl">
      <PageHeader
        title={t("title")}
        description={
          <>
            {t.rich("description", {
              standard: (chunks) => (
                <a className="text-primary underline underline-offset-4" href="https://www.standardwebhooks.com/">
                  {chunks}
                </a>
              ),
            })}{" "}
            <Link href="/settings" className="text-primary underline underline-offset-4">
              {t("backToSettings")}
            </Link>
          </>
        }
      />
      {endpoints
        .filter((e) => !e.enabled)
        .map((e) => (
          <div key={e.id} role="alert" className="mb-4 rounded-md border border-destructive/40 bg-destructive/10 p-4 text-sm">
            {e.disabledAt
              ? t.rich("turnedOffAt", {
                  url: e.url,
                  reason: e.disabledReason ?? t("turnedOffReason"),
                  strong: (chunks) => <strong className="break-all">{chunks}</strong>,
                  when: () => <RelativeTime iso={e.disabledAt!.toISOString()} />,
                })
              : t.rich("turnedOff", {
                  url: e.url,
                  reason: e.disabledReason ?? t("turnedOffReason"),
                  strong: (chunks) => <strong className="break-all">{chunks}</strong>,
                })}
          </div>
        ))}
      <AddEndpointForm />
      {endpoints.length === 0 ? <p className="mt-6 text-sm text-muted-foreground">{t("noEndpoints")}</p> : null}
      {endpoints.map((endpoint) => (
        <Card key={endpoint.id} className="mt-6" data-testid="webhook-endpoint">
          <CardHeader>
            <CardTitle className="flex flex-wrap items-center gap-2 break-all">
              {endpoint.url}
              {endpoint.enabled ? <Badge variant="success">{t("on")}</Badge> : <Badge variant="destructive">{t("off")}</Badge>}
              {endpoint.enabled && endpoint.failingSince ? (
                <Badge variant="warning">
                  {t.rich("failingSince", { when: () => <RelativeTime iso={endpoint.failingSince!.toISOString()} /> })}
                </Badge>
              ) : null}
            </CardTitle>
            <CardDescription>
              {endpoint.description ? `${endpoint.description} · ` : ""}
              {endpoint.events.map((e) => ((webhookEventTypes as readonly string[]).includes(e) ? t(`events.${e}`) : e)).join(t("listSeparator"))}
            </CardDescription>
            {endpoint.previousSecretExpiresAt && endpoint.previousSecretExpiresAt > now ? (
              <p className="mt-1 text-xs text-muted-foreground" data-testid="secret-overlap">
                {endpoint.secretRotatedAt
                  ? t.rich("secretOverlapAt", {
                      when: () => <RelativeTime iso={endpoint.secretRotatedAt!.toISOString()} />,
                      until: () => <time dateTime={endpoint.previousSecretExpiresAt!.toISOString()}>{format.dateTimeWithZone(endpoint.previousSecretExpiresAt)}</time>,
                    })
                  : t.rich("secretOverlap", {
                      until: () => <time dateTime={endpoint.previousSecretExpiresAt!.toISOString()}>{format.dateTimeWithZone(endpoint.previousSecretExpiresAt)}</time>,
                    })}
              </p>
            ) : null}
            <div className="mt-2 flex flex-wrap items-start gap-2">
              {endpoint.enabled ? null : <EnableEndpointButton endpointId={endpoint.id} />}
              <RotateSecretForm endpointId={endpoint.id} url={endpoint.url} />
              <RemoveEndpointButton endpointId={endpoint.id} url={endpoint.url} />
            </div>
          </CardHeader>
          <CardContent>
            {endpoint.deliveries.length === 0 ? (
              <p className="text-sm text-muted-foreground">{t("nothingSent")}</p>
            ) : (
              <div className="overflow-x-auto" role="region" aria-label={t("deliveriesTo", { url: endpoint.url })} tabIndex={0}>
                <table className="w-full text-sm">
                  <thead className="text-left text-muted-foreground">
                    <tr>
                      <th className="py-1 pr-4 font-medium">{t("table.event")}</th>
                      <th className="py-1 pr-4 font-medium">{t("table.status")}</th>
                      <th className="py-1 pr-4 font-medium">{t("table.attempts")}</th>
                      <th className="py-1 pr-4 font-medium">{t("table.lastAnswer")}</th>
                      <th className="py-1 pr-4 font-medium">{t("table.when")}</th>
                      <th />
                    </tr>
                  </thead>
                  <tbody>
                    {endpoint.deliveries.map((d) => (
                      <tr key={d.id} className="border-t border-border align-top">
                        <td className="py-2 pr-4">
                          <div>{d.eventType}</div>
                          <code className="text-xs text-muted-foreground">{d.eventId}</code>
                        </td>
                        <td className="py-2 pr-4">
                          <Badge variant={stateBadge[d.state]}>{t(`states.${d.state}`)}</Badge>
                          {d.state === "PENDING" && d.nextAttemptAt ? (
                            <div className="mt-1 text-xs text-muted-foreground">
                              {t.rich("nextAttempt", { when: () => <RelativeTime iso={d.nextAttemptAt!.toISOString()} /> })}
                            </div>
                          ) : null}
                        </td>
                        <td className="py-2 pr-4">
                          <details>
                            <summary className="cursor-pointer">{d.attempts}</summary>
                            <ul className="mt-1 space-y-1 text-xs text-muted-foreground">
                              {d.attemptLog.map((a) => (
                                <li key={a.id}>
                                  {t("attemptLine", { attempt: a.attempt, status: a.statusCode ?? t("noAnswer"), ms: a.durationMs })} · <RelativeTime iso={a.at.toISOString()} />
                                  {a.error ? ` · ${a.error}` : ""}
                                </li>
                              ))}
                            </ul>
                          </details>
                        </td>
                        <td className="py-2 pr-4">{d.lastStatus ?? (d.lastError ? t("noAnswer") : "—")}</td>
                        <td className="py-2 pr-4">
                          <RelativeTime iso={d.createdAt.toISOString()} />
                        </td>
                        <td className="py-2 text-right">{endpoint.enabled ? <RedeliverButton deliveryId={d.id} /> : null}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </CardContent>
        </Card>
      ))}
    </div>
  );
}
