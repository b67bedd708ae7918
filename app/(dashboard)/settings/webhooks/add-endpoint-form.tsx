"use client";

import { useTranslations } from "next-intl";
import { startTransition, useActionState, useState } from "react";
import { CopyButton } from "@/components/gallery/copy-button";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FieldError, fieldErrorId, fieldErrorProps } from "@/components/ui/field-error";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { firstValidationMessage } from "@/lib/action-message";
import { useActionMessage } from "@/lib/i18n/use-action-message";
import { addWebhookEndpointAction } from "@/lib/webhooks/add-webhook-endpoint.action";
import { webhookEventTypes } from "@/lib/webhooks/webhook-events";

/**
 * A real POST form whose action is a server action: before JavaScript has loaded the browser
 * posts it and the page comes back with the signing secret shown once (or why the URL was
 * refused, with what was typed); afterwards it is sent in place.
 */
export function AddEndpointForm() {
  const t = useTranslations("webhooks");
  const message = useActionMessage();
  const [state, formAction, isPending] = useActionState(addWebhookEndpointAction, {});
  const [dismissed, setDismissed] = useState<string | null>(null);
  const created = state.data?.created && state.data.created.id !== dismissed ? state.data.created : null;
  const typed = state.data?.values;
  // A URL the outbound guard refused is about the URL field.
  const urlError = message.field(state, "url") ?? state.data?.error;
  const eventsError = message.field(state, "events");
  const descriptionError = message.field(state, "description");
  const failure =
    state.serverError ?? (state.validationErrors && !urlError && !eventsError && !descriptionError && firstValidationMessage(state.validationErrors) ? message.error(state, "") : undefined);
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("add.title")}</CardTitle>
        <CardDescription>{t("add.description")}</CardDescription>
      </CardHeader>
      <CardContent>
        {created ? (
          <div className="mb-6 min-w-0 rounded-md border border-success/40 bg-success/10 p-4" role="status">
            <p className="text-sm font-medium break-all">{t("add.secretFor", { url: created.url })}</p>
            <div className="mt-3 flex flex-wrap items-center gap-2">
              <code className="min-w-0 rounded bg-background px-2 py-1 text-sm break-all" data-testid="webhook-secret">
                {created.secret}
              </code>
              <CopyButton text={created.secret} label={t("copySecret")} />
            </div>
            <p className="mt-2 text-xs text-muted-foreground">{t("add.verify")}</p>
            <Button type="button" variant="ghost" size="sm" className="mt-2" onClick={() => setDismissed(created.id)}>
              {t("done")}
            </Button>
          </div>
        ) : null}
        <form
          // A new form (empty again) once an endpoint was added; a refused one keeps what was typed.
          key={state.data?.created?.id ?? "new"}
          action={formAction}
          className="grid gap-4 sm:grid-cols-2"
          onSubmit={(event) => {
            // Sent in place with JavaScript, without React's reset of the fields after an action.
            event.preventDefault();
            const data = new FormData(event.currentTarget);
            startTransition(() => formAction(data));
          }}
        >
          <div className="flex min-w-0 flex-col gap-2">
            <Label htmlFor="hook-url">{t("add.url")}</Label>
            <Input
              id="hook-url"
              name="url"
              type="url"
              required
              maxLength={2048}
              placeholder="https://example.com/hooks/avatar-studio"
              defaultValue={typed?.url}
              {...fieldErrorProps("hook-url", urlError)}
            />
            <FieldError id="hook-url" message={urlError} />
          </div>
          <div className="flex min-w-0 flex-col gap-2">
            <Label htmlFor="hook-description">{t("add.descriptionLabel")}</Label>
            <Input id="hook-description" name="description" maxLength={200} defaultValue={typed?.description} {...fieldErrorProps("hook-description", descriptionError)} />
            <FieldError id="hook-description" message={descriptionError} />
          </div>
          <fieldset className="flex min-w-0 flex-col gap-2 sm:col-span-2" aria-describedby={eventsError ? fieldErrorId("hook-events") : undefined}>
            <legend className="mb-1 text-sm font-medium">{t("add.events")}</legend>
            {webhookEventTypes.map((type) => (
              <label key={type} className="flex items-start gap-2 text-sm">
                <input type="checkbox" name="events" value={type} defaultChecked={typed ? typed.events.includes(type) : true} className="mt-0.5 size-4 shrink-0" />
                <span className="min-w-0">
                  {t(`events.${type}`)} <code className="text-xs break-all text-muted-foreground">{type}</code>
                </span>
              </label>
            ))}
            <FieldError id="hook-events" message={eventsError} />
          </fieldset>
          {failure ? (
            <p role="alert" className="text-sm text-destructive sm:col-span-2">
              {failure}
            </p>
          ) : null}
          <div className="sm:col-span-2">
            <Button type="submit" disabled={isPending} aria-disabled={isPending}>
              {isPending ? t("add.adding") : t("add.submit")}
            </Button>
          </div>
        </form>
      </CardContent>
    </Card>
  );
}
