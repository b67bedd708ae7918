"use client";

import { useAction } from "next-safe-action/hooks";
import { useState } from "react";
import { CopyButton } from "@/components/gallery/copy-button";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input, Select } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { actionErrorMessage, fieldError } from "@/lib/action-message";
import { createApiTokenAction } from "@/lib/api-tokens/create-api-token.action";
import { type TokenScope, tokenScopeLabels, tokenScopes } from "@/lib/api-tokens/token-scopes";

const expiries = [
  { value: "30", label: "30 days" },
  { value: "90", label: "90 days" },
  { value: "365", label: "A year" },
  { value: "never", label: "Never" },
];

export function CreateTokenForm({ baseUrl }: { baseUrl: string }) {
  const [name, setName] = useState("");
  const [scopes, setScopes] = useState<TokenScope[]>(["read"]);
  const [expiry, setExpiry] = useState("90");
  const [created, setCreated] = useState<{ token: string; name: string } | null>(null);
  const { execute, result, isPending } = useAction(createApiTokenAction, {
    onSuccess: ({ data }) => {
      if (data) setCreated({ token: data.token, name: data.name });
      setName("");
    },
  });
  const failure = result.serverError ?? (result.validationErrors ? actionErrorMessage(result) : undefined);

  return (
    <Card>
      <CardHeader>
        <CardTitle>New token</CardTitle>
        <CardDescription>The token is shown once, right after it is made. Only a fingerprint of it is kept.</CardDescription>
      </CardHeader>
      <CardContent>
        {created ? (
          <div className="mb-6 rounded-md border border-success/40 bg-success/10 p-4" role="status">
            <p className="text-sm font-medium">“{created.name}” is ready. Copy it now: it will not be shown again.</p>
            <div className="mt-3 flex flex-wrap items-center gap-2">
              <code className="rounded bg-background px-2 py-1 text-sm break-all" data-testid="new-token">
                {created.token}
              </code>
              <CopyButton text={created.token} label="Copy token" />
            </div>
            <p className="mt-3 text-xs text-muted-foreground">Try it:</p>
            <pre className="mt-1 overflow-x-auto rounded bg-background p-2 text-xs">{`curl -H "Authorization: Bearer ${created.token}" "${baseUrl}/api/v1/assets?state=approved"`}</pre>
            <Button type="button" variant="ghost" size="sm" className="mt-2" onClick={() => setCreated(null)}>
              Done
            </Button>
          </div>
        ) : null}
        <form
          className="grid gap-4 sm:grid-cols-2"
          onSubmit={(e) => {
            e.preventDefault();
            execute({ name, scopes, expiresInDays: expiry === "never" ? null : Number(expiry) });
          }}
        >
          <div className="flex flex-col gap-2">
            <Label htmlFor="token-name">Name</Label>
            <Input id="token-name" required maxLength={100} placeholder="Render farm" value={name} onChange={(e) => setName(e.target.value)} aria-invalid={!!fieldError(result, "name")} />
            {fieldError(result, "name") ? <p className="text-xs text-destructive">{fieldError(result, "name")}</p> : null}
          </div>
          <div className="flex flex-col gap-2">
            <Label htmlFor="token-expiry">Expires</Label>
            <Select id="token-expiry" value={expiry} onChange={(e) => setExpiry(e.target.value)}>
              {expiries.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </Select>
          </div>
          <fieldset className="flex flex-col gap-2 sm:col-span-2">
            <legend className="mb-1 text-sm font-medium">Scopes</legend>
            {tokenScopes.map((scope) => (
              <label key={scope} className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  name="scopes"
                  value={scope}
                  checked={scopes.includes(scope)}
                  onChange={(e) => setScopes(e.target.checked ? [...scopes, scope] : scopes.filter((s) => s !== scope))}
                />
                {tokenScopeLabels[scope]}
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
              {isPending ? "Creating…" : "Create token"}
            </Button>
          </div>
        </form>
      </CardContent>
    </Card>
  );
}
