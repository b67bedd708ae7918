"use client";

import { useTranslations } from "next-intl";
import { startTransition, useActionState, useState } from "react";
import { CopyButton } from "@/components/gallery/copy-button";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FieldError, fieldErrorId, fieldErrorProps } from "@/components/ui/field-error";
import { Input, Select } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { firstValidationMessage } from "@/lib/action-message";
import { useActionMessage } from "@/lib/i18n/use-action-message";
import { createApiTokenAction } from "@/lib/api-tokens/create-api-token.action";
import { tokenScopes } from "@/lib/api-tokens/token-scopes";

const expiries = ["30", "90", "365", "never"] as const;

/**
 * A real POST form whose action is a server action: before JavaScript has loaded the browser
 * posts it and the page comes back with the new token shown once (or the refusal); afterwards
 * it is sent in place, and what was typed stays when it is refused.
 */
export function CreateTokenForm({ baseUrl }: { baseUrl: string }) {
  const t = useTranslations("apiTokens");
  const message = useActionMessage();
  const [state, formAction, isPending] = useActionState(createApiTokenAction, {});
  const [dismissed, setDismissed] = useState<string | null>(null);
  const created = state.data?.created && state.data.created.token !== dismissed ? state.data.created : null;
  const nameError = message.field(state, "name");
  const scopesError = message.field(state, "scopes");
  const expiryError = message.field(state, "expiresInDays");
  const typed = state.data?.values;
  const failure =
    state.data?.error ??
    state.serverError ??
    (state.validationErrors && !nameError && !scopesError && !expiryError && firstValidationMessage(state.validationErrors) ? message.error(state, "") : undefined);

  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("create.title")}</CardTitle>
        <CardDescription>{t("create.description")}</CardDescription>
      </CardHeader>
      <CardContent>
        {created ? (
          <div className="mb-6 min-w-0 rounded-md border border-success/40 bg-success/10 p-4" role="status">
            <p className="text-sm font-medium">{t("create.ready", { name: created.name })}</p>
            <div className="mt-3 flex flex-wrap items-center gap-2">
              <code className="min-w-0 rounded bg-background px-2 py-1 text-sm break-all" data-testid="new-token">
                {created.token}
              </code>
              <CopyButton text={created.token} label={t("create.copy")} />
            </div>
            <p className="mt-3 text-xs text-muted-foreground">{t("create.tryIt")}</p>
            <pre className="mt-1 rounded bg-background p-2 text-xs break-all whitespace-pre-wrap">{`curl -H "Authorization: Bearer ${created.token}" "${baseUrl}/api/v1/assets?state=approved"`}</pre>
            <Button type="button" variant="ghost" size="sm" className="mt-2" onClick={() => setDismissed(created.token)}>
              {t("create.done")}
            </Button>
          </div>
        ) : null}
        <form
          // A new form (empty again) once a token was made; a refused one keeps what was typed.
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
          <div className="flex flex-col gap-2">
            <Label htmlFor="token-name">{t("create.name")}</Label>
            <Input id="token-name" name="name" required maxLength={100} placeholder={t("create.namePlaceholder")} defaultValue={typed?.name} {...fieldErrorProps("token-name", nameError)} />
            <FieldError id="token-name" message={nameError} />
          </div>
          <div className="flex flex-col gap-2">
            <Label htmlFor="token-expiry">{t("create.expires")}</Label>
            <Select id="token-expiry" name="expiresInDays" defaultValue={typed ? (typed.expiresInDays === null ? "never" : String(typed.expiresInDays)) : "90"} {...fieldErrorProps("token-expiry", expiryError)}>
              {expiries.map((value) => (
                <option key={value} value={value}>
                  {t(`create.expiries.${value}`)}
                </option>
              ))}
            </Select>
            <FieldError id="token-expiry" message={expiryError} />
          </div>
          <fieldset className="flex flex-col gap-2 sm:col-span-2" aria-describedby={scopesError ? fieldErrorId("token-scopes") : undefined}>
            <legend className="mb-1 text-sm font-medium">{t("create.scopes")}</legend>
            {tokenScopes.map((scope) => (
              <label key={scope} className="flex items-center gap-2 text-sm">
                <input type="checkbox" name="scopes" value={scope} defaultChecked={typed ? typed.scopes.includes(scope) : scope === "read"} className="size-4 shrink-0" />
                {t(`create.scopeLabels.${scope}`)}
              </label>
            ))}
            <FieldError id="token-scopes" message={scopesError} />
          </fieldset>
          {failure ? (
            <p role="alert" className="text-sm text-destructive sm:col-span-2">
              {failure}
            </p>
          ) : null}
          <div className="sm:col-span-2">
            <Button type="submit" disabled={isPending} aria-disabled={isPending}>
              {isPending ? t("create.creating") : t("create.submit")}
            </Button>
          </div>
        </form>
      </CardContent>
    </Card>
  );
}
