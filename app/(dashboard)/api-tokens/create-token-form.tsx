"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FieldError, fieldErrorId, fieldErrorProps } from "@/components/ui/field-error";
import { InPlaceForm } from "@/components/ui/in-place-form";
import { Input, Select } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { ShownOnce, useShownOnce } from "@/components/ui/shown-once";
import { firstValidationMessage } from "@/lib/action-message";
import { useActionMessage } from "@/lib/i18n/use-action-message";
import { createApiTokenAction } from "@/lib/api-tokens/create-api-token.action";
import { tokenScopes } from "@/lib/api-tokens/token-scopes";

const expiries = ["30", "90", "365", "never"] as const;

/**
 * Makes a token: a real POST form (`InPlaceForm`), so before JavaScript has loaded the page
 * comes back with the new token shown once (or the refusal); what was typed stays when it is refused.
 */
export function CreateTokenForm({ baseUrl }: { baseUrl: string }) {
  const t = useTranslations("apiTokens");
  const message = useActionMessage();
  const [state, formAction, isPending] = useActionState(createApiTokenAction, {});
  const [created, putAway] = useShownOnce(state.data?.created, (made) => made.token);
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
          <ShownOnce
            className="mb-6"
            title={t("create.ready", { name: created.name })}
            value={created.token}
            testId="new-token"
            copyLabel={t("create.copy")}
            doneLabel={t("create.done")}
            onDone={putAway}
          >
            <p className="mt-3 text-xs text-muted-foreground">{t("create.tryIt")}</p>
            <pre className="mt-1 rounded bg-background p-2 text-xs break-all whitespace-pre-wrap">{`curl -H "Authorization: Bearer ${created.token}" "${baseUrl}/api/v1/assets?state=approved"`}</pre>
          </ShownOnce>
        ) : null}
        <InPlaceForm
          // A new form (empty again) once a token was made; a refused one keeps what was typed.
          key={state.data?.created?.id ?? "new"}
          action={formAction}
          className="grid gap-4 sm:grid-cols-2"
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
        </InPlaceForm>
      </CardContent>
    </Card>
  );
}
