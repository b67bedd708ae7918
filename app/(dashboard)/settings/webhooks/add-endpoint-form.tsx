"use client";

import { useAction } from "next-safe-action/hooks";
import { useState } from "react";
import { CopyButton } from "@/components/gallery/copy-button";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { actionErrorMessage, fieldError } from "@/lib/action-message";
import { addWebhookEndpointAction } from "@/lib/webhooks/add-webhook-endpoint.action";
import { type WebhookEventType, webhookEventLabels, webhookEventTypes } from "@/lib/webhooks/webhook-events";

export function AddEndpointForm() {
  const [url, setUrl] = useState("");
  const [description, setDescription] = useState("");
  const [events, setEvents] = useState<WebhookEventType[]>([...webhookEventTypes]);
  const [secret, setSecret] = useState<{ url: string; secret: string } | null>(null);
  const { execute, result, isPending } = useAction(addWebhookEndpointAction, {
    onSuccess: ({ data }) => {
      if (data) setSecret({ url: data.url, secret: data.secret });
      setUrl("");
      setDescription("");
    },
  });
  const failure = result.serverError ?? (result.validationErrors ? actionErrorMessage(result) : undefined);
  return (
    <Card>
      <CardHeader>
        <CardTitle>Add an endpoint</CardTitle>
        <CardDescription>An http(s) URL that accepts POSTed JSON. Private and loopback addresses are refused unless the server's operator allows them.</CardDescription>
      </CardHeader>
      <CardContent>
        {secret ? (
          <div className="mb-6 rounded-md border border-success/40 bg-success/10 p-4" role="status">
            <p className="text-sm font-medium">Signing secret for {secret.url}. Copy it now: it will not be shown again.</p>
            <div className="mt-3 flex flex-wrap items-center gap-2">
              <code className="rounded bg-background px-2 py-1 text-sm break-all" data-testid="webhook-secret">
                {secret.secret}
              </code>
              <CopyButton text={secret.secret} label="Copy secret" />
            </div>
            <p className="mt-2 text-xs text-muted-foreground">Verify each delivery with any Standard Webhooks library (e.g. the `standardwebhooks` npm package) and this secret.</p>
          </div>
        ) : null}
        <form
          className="grid gap-4 sm:grid-cols-2"
          onSubmit={(e) => {
            e.preventDefault();
            execute({ url, description, events });
          }}
        >
          <div className="flex flex-col gap-2">
            <Label htmlFor="hook-url">URL</Label>
            <Input id="hook-url" type="url" required placeholder="https://example.com/hooks/avatar-studio" value={url} onChange={(e) => setUrl(e.target.value)} aria-invalid={!!fieldError(result, "url")} />
            {fieldError(result, "url") ? <p className="text-xs text-destructive">{fieldError(result, "url")}</p> : null}
          </div>
          <div className="flex flex-col gap-2">
            <Label htmlFor="hook-description">Description</Label>
            <Input id="hook-description" maxLength={200} value={description} onChange={(e) => setDescription(e.target.value)} />
          </div>
          <fieldset className="flex flex-col gap-2 sm:col-span-2">
            <legend className="mb-1 text-sm font-medium">Events</legend>
            {webhookEventTypes.map((type) => (
              <label key={type} className="flex items-center gap-2 text-sm">
                <input type="checkbox" checked={events.includes(type)} onChange={(e) => setEvents(e.target.checked ? [...events, type] : events.filter((t) => t !== type))} />
                {webhookEventLabels[type]} <code className="text-xs text-muted-foreground">{type}</code>
              </label>
            ))}
          </fieldset>
          {failure ? (
            <p role="alert" className="text-sm text-destructive sm:col-span-2">
              {failure}
            </p>
          ) : null}
          <div className="sm:col-span-2">
            <Button type="submit" disabled={isPending}>
              {isPending ? "Adding…" : "Add endpoint"}
            </Button>
          </div>
        </form>
      </CardContent>
    </Card>
  );
}
