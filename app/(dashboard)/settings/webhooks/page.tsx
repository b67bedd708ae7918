import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { RelativeTime } from "@/components/ui/relative-time";
import { requirePagePermission } from "@/lib/auth/require-page-user";
import { listWebhookEndpoints } from "@/lib/webhooks/list-webhook-endpoints";
import { type WebhookEventType, webhookEventLabels } from "@/lib/webhooks/webhook-events";
import { formatDateTime } from "@/lib/format";
import { AddEndpointForm } from "./add-endpoint-form";
import { RotateSecretForm } from "./rotate-secret-form";
import { EnableEndpointButton, RedeliverButton, RemoveEndpointButton } from "./endpoint-buttons";

export const metadata = { title: "Webhooks" };

const stateBadge = { PENDING: "info", SUCCEEDED: "success", FAILED: "destructive" } as const;
const stateWords = { PENDING: "Retrying", SUCCEEDED: "Delivered", FAILED: "Failed" } as const;

export default async function WebhooksPage() {
  const user = await requirePagePermission("manageSettings");
  const endpoints = await listWebhookEndpoints(user.teamId);
  const now = new Date();
  return (
    <div className="max-w-5xl">
      <PageHeader
        title="Webhooks"
        description={
          <>
            Tell other systems when a review or a video is done. Deliveries are signed per{" "}
            <a className="text-primary underline underline-offset-4" href="https://www.standardwebhooks.com/">
              Standard Webhooks
            </a>{" "}
            and retried for a day. <Link href="/settings" className="text-primary underline underline-offset-4">Back to Settings</Link>
          </>
        }
      />
      {endpoints
        .filter((e) => !e.enabled)
        .map((e) => (
          <div key={e.id} role="alert" className="mb-4 rounded-md border border-destructive/40 bg-destructive/10 p-4 text-sm">
            <strong className="break-all">{e.url}</strong> was turned off{e.disabledAt ? <> <RelativeTime iso={e.disabledAt.toISOString()} /></> : null}: {e.disabledReason ?? "its deliveries failed for a day."} Fix the receiver, then turn it on again.
          </div>
        ))}
      <AddEndpointForm />
      {endpoints.length === 0 ? <p className="mt-6 text-sm text-muted-foreground">No endpoints yet.</p> : null}
      {endpoints.map((endpoint) => (
        <Card key={endpoint.id} className="mt-6" data-testid="webhook-endpoint">
          <CardHeader>
            <CardTitle className="flex flex-wrap items-center gap-2 break-all">
              {endpoint.url}
              {endpoint.enabled ? <Badge variant="success">On</Badge> : <Badge variant="destructive">Off</Badge>}
              {endpoint.enabled && endpoint.failingSince ? (
                <Badge variant="warning">
                  Failing since&nbsp;<RelativeTime iso={endpoint.failingSince.toISOString()} />
                </Badge>
              ) : null}
            </CardTitle>
            <CardDescription>
              {endpoint.description ? `${endpoint.description} · ` : ""}
              {endpoint.events.map((e) => webhookEventLabels[e as WebhookEventType] ?? e).join(", ")}
            </CardDescription>
            {endpoint.previousSecretExpiresAt && endpoint.previousSecretExpiresAt > now ? (
              <p className="mt-1 text-xs text-muted-foreground" data-testid="secret-overlap">
                The signing secret was rotated{endpoint.secretRotatedAt ? <> <RelativeTime iso={endpoint.secretRotatedAt.toISOString()} /></> : null}; the old one
                still signs beside it until{" "}
                <time dateTime={endpoint.previousSecretExpiresAt.toISOString()} suppressHydrationWarning>
                  {formatDateTime(endpoint.previousSecretExpiresAt.toISOString())}
                </time>
                .
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
              <p className="text-sm text-muted-foreground">Nothing sent yet.</p>
            ) : (
              <div className="overflow-x-auto" role="region" aria-label={`Deliveries to ${endpoint.url}`} tabIndex={0}>
                <table className="w-full text-sm">
                  <thead className="text-left text-muted-foreground">
                    <tr>
                      <th className="py-1 pr-4 font-medium">Event</th>
                      <th className="py-1 pr-4 font-medium">Status</th>
                      <th className="py-1 pr-4 font-medium">Attempts</th>
                      <th className="py-1 pr-4 font-medium">Last answer</th>
                      <th className="py-1 pr-4 font-medium">When</th>
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
                          <Badge variant={stateBadge[d.state]}>{stateWords[d.state]}</Badge>
                          {d.state === "PENDING" && d.nextAttemptAt ? (
                            <div className="mt-1 text-xs text-muted-foreground">
                              next <RelativeTime iso={d.nextAttemptAt.toISOString()} />
                            </div>
                          ) : null}
                        </td>
                        <td className="py-2 pr-4">
                          <details>
                            <summary className="cursor-pointer">{d.attempts}</summary>
                            <ul className="mt-1 space-y-1 text-xs text-muted-foreground">
                              {d.attemptLog.map((a) => (
                                <li key={a.id}>
                                  #{a.attempt} · {a.statusCode ?? "no answer"} · {a.durationMs} ms · <RelativeTime iso={a.at.toISOString()} />
                                  {a.error ? ` · ${a.error}` : ""}
                                </li>
                              ))}
                            </ul>
                          </details>
                        </td>
                        <td className="py-2 pr-4">{d.lastStatus ?? (d.lastError ? "no answer" : "—")}</td>
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
