"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FieldError, fieldErrorId, fieldErrorProps } from "@/components/ui/field-error";
import { InPlaceForm } from "@/components/ui/in-place-form";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { ShownOnce, useShownOnce } from "@/components/ui/shown-once";
import { firstValidationMessage } from "@/lib/action-message";
import { useActionMessage } from "@/lib/i18n/use-action-message";
import { addWebhookEndpointAction } from "@/lib/webhooks/add-webhook-endpoint.action";
import { webhookEventTypes } from "@/lib/webhooks/webhook-events";

/**
 * Adds an endpoint: a real POST form (`InPlaceForm`), so before JavaScript has loaded the page
 * comes back with the signing secret shown once (or why the URL was refused, with what was typed).
 */
export function AddEndpointForm() {
  const t = useTranslations("webhooks");
  const message = useActionMessage();
  const [state, formAction, isPending] = useActionState(addWebhookEndpointAction, {});
  const [created, putAway] = useShownOnce(state.data?.created, (made) => made.id);
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
          <ShownOnce
            className="mb-6"
            title={t("add.secretFor", { url: created.url })}
            value={created.secret}
            testId="webhook-secret"
            copyLabel={t("copySecret")}
            doneLabel={t("done")}
            onDone={putAway}
          >
            <p className="mt-2 text-xs text-muted-foreground">{t("add.verify")}</p>
          </ShownOnce>
        ) : null}
        <InPlaceForm
          // A new form (empty again) once an endpoint was added; a refused one keeps what was typed.
          key={state.data?.created?.id ?? "new"}
          action={formAction}
          className="grid gap-4 sm:grid-cols-2"
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
        </InPlaceForm>
      </CardContent>
    </Card>
  );
}
