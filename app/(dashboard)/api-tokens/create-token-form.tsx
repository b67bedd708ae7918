"use client";

import { startTransition, useActionState, useState } from "react";
import { CopyButton } from "@/components/gallery/copy-button";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FieldError, fieldErrorId, fieldErrorProps } from "@/components/ui/field-error";
import { Input, Select } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { fieldError, firstValidationMessage } from "@/lib/action-message";
import { createApiTokenAction } from "@/lib/api-tokens/create-api-token.action";
import { tokenScopeLabels, tokenScopes } from "@/lib/api-tokens/token-scopes";

const expiries = [
  { value: "30", label: "30 days" },
  { value: "90", label: "90 days" },
  { value: "365", label: "A year" },
  { value: "never", label: "Never" },
];

/**
 * A real POST form whose action is a server action: before JavaScript has loaded the browser
 * posts it and the page comes back with the new token shown once (or the refusal); afterwards
 * it is sent in place, and what was typed stays when it is refused.
 */
export function CreateTokenForm({ baseUrl }: { baseUrl: string }) {
  const [state, formAction, isPending] = useActionState(createApiTokenAction, {});
  const [dismissed, setDismissed] = useState<string | null>(null);
  const created = state.data?.created && state.data.created.token !== dismissed ? state.data.created : null;
  const nameError = fieldError(state, "name");
  const scopesError = fieldError(state, "scopes");
  const expiryError = fieldError(state, "expiresInDays");
  const typed = state.data?.values;
  const failure = state.data?.error ?? state.serverError ?? (state.validationErrors && !nameError && !scopesError && !expiryError ? firstValidationMessage(state.validationErrors) : undefined);

  return (
    <Card>
      <CardHeader>
        <CardTitle>New token</CardTitle>
        <CardDescription>The token is shown once, right after it is made. Only a fingerprint of it is kept.</CardDescription>
      </CardHeader>
      <CardContent>
        {created ? (
          <div className="mb-6 min-w-0 rounded-md border border-success/40 bg-success/10 p-4" role="status">
            <p className="text-sm font-medium">“{created.name}” is ready. Copy it now: it will not be shown again.</p>
            <div className="mt-3 flex flex-wrap items-center gap-2">
              <code className="min-w-0 rounded bg-background px-2 py-1 text-sm break-all" data-testid="new-token">
                {created.token}
              </code>
              <CopyButton text={created.token} label="Copy token" />
            </div>
            <p className="mt-3 text-xs text-muted-foreground">Try it:</p>
            <pre className="mt-1 rounded bg-background p-2 text-xs break-all whitespace-pre-wrap">{`curl -H "Authorization: Bearer ${created.token}" "${baseUrl}/api/v1/assets?state=approved"`}</pre>
            <Button type="button" variant="ghost" size="sm" className="mt-2" onClick={() => setDismissed(created.token)}>
              Done
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
            <Label htmlFor="token-name">Name</Label>
            <Input id="token-name" name="name" required maxLength={100} placeholder="Render farm" defaultValue={typed?.name} {...fieldErrorProps("token-name", nameError)} />
            <FieldError id="token-name" message={nameError} />
          </div>
          <div className="flex flex-col gap-2">
            <Label htmlFor="token-expiry">Expires</Label>
            <Select id="token-expiry" name="expiresInDays" defaultValue={typed ? (typed.expiresInDays === null ? "never" : String(typed.expiresInDays)) : "90"} {...fieldErrorProps("token-expiry", expiryError)}>
              {expiries.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </Select>
            <FieldError id="token-expiry" message={expiryError} />
          </div>
          <fieldset className="flex flex-col gap-2 sm:col-span-2" aria-describedby={scopesError ? fieldErrorId("token-scopes") : undefined}>
            <legend className="mb-1 text-sm font-medium">Scopes</legend>
            {tokenScopes.map((scope) => (
              <label key={scope} className="flex items-center gap-2 text-sm">
                <input type="checkbox" name="scopes" value={scope} defaultChecked={typed ? typed.scopes.includes(scope) : scope === "read"} className="size-4 shrink-0" />
                {tokenScopeLabels[scope]}
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
              {isPending ? "Creating…" : "Create token"}
            </Button>
          </div>
        </form>
      </CardContent>
    </Card>
  );
}
