"use client";

import { CheckCircle2, XCircle } from "lucide-react";
import { useAction } from "next-safe-action/hooks";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Input, Textarea } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { saveProviderSettingsAction, testConnectionAction } from "@/lib/settings/provider-settings-actions";

type Props = {
  initial: { baseUrl: string; models: string[]; projectName: string; apiKeyLast4: string; keyIsTeams: boolean };
  defaults: { baseUrl: string; models: string[]; projectName: string };
};

export function ProviderSettingsForm({ initial, defaults }: Props) {
  const [form, setForm] = useState({
    baseUrl: initial.baseUrl === defaults.baseUrl ? "" : initial.baseUrl,
    apiKey: "",
    models: initial.models.join("\n") === defaults.models.join("\n") ? "" : initial.models.join("\n"),
    projectName: initial.projectName === defaults.projectName ? "" : initial.projectName,
  });
  const [last4, setLast4] = useState(initial.apiKeyLast4);
  const save = useAction(saveProviderSettingsAction, {
    onSuccess: ({ data }) => {
      toast.success("Provider settings saved");
      if (data) setLast4(data.apiKeyLast4);
      setForm((f) => ({ ...f, apiKey: "" }));
    },
  });
  const test = useAction(testConnectionAction);
  const error = save.result.serverError ?? save.result.validationErrors?.baseUrl?._errors?.[0];

  return (
    <form
      className="flex flex-col gap-5"
      onSubmit={(e) => {
        e.preventDefault();
        save.execute({ ...form, clearApiKey: false });
      }}
    >
      <div className="flex flex-col gap-2">
        <Label htmlFor="baseUrl">Base URL</Label>
        <Input id="baseUrl" placeholder={defaults.baseUrl} value={form.baseUrl} onChange={(e) => setForm({ ...form, baseUrl: e.target.value })} />
        <p className="text-xs text-muted-foreground">Empty: {defaults.baseUrl} (from the server&apos;s settings).</p>
      </div>
      <div className="flex flex-col gap-2">
        <Label htmlFor="apiKey">API key</Label>
        <Input
          id="apiKey"
          type="password"
          autoComplete="off"
          placeholder={`•••• ${last4}`}
          value={form.apiKey}
          onChange={(e) => setForm({ ...form, apiKey: e.target.value })}
        />
        <p className="text-xs text-muted-foreground" data-testid="api-key-mask">
          Current key: ••••{last4}. Stored encrypted; it is never shown again. Leave empty to keep it.
        </p>
      </div>
      <div className="grid gap-5 sm:grid-cols-2">
        <div className="flex flex-col gap-2">
          <Label htmlFor="models">Models</Label>
          <Textarea id="models" rows={3} placeholder={defaults.models.join("\n")} value={form.models} onChange={(e) => setForm({ ...form, models: e.target.value })} />
          <p className="text-xs text-muted-foreground">One model id per line. Empty: the server&apos;s list.</p>
        </div>
        <div className="flex flex-col gap-2">
          <Label htmlFor="projectName">Project name</Label>
          <Input id="projectName" placeholder={defaults.projectName} value={form.projectName} onChange={(e) => setForm({ ...form, projectName: e.target.value })} />
        </div>
      </div>
      {error ? (
        <p role="alert" className="text-sm text-destructive">
          {error}
        </p>
      ) : null}
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={save.isPending}>
          {save.isPending ? "Saving…" : "Save provider settings"}
        </Button>
        <Button type="button" variant="outline" disabled={test.isPending} onClick={() => test.execute({ baseUrl: form.baseUrl, apiKey: form.apiKey })}>
          {test.isPending ? "Testing…" : "Test connection"}
        </Button>
        <div data-testid="connection-result" aria-live="polite" className="text-sm">
          {test.result.data?.ok === true ? (
            <span className="flex items-center gap-1 text-success">
              <CheckCircle2 className="size-4" /> Connected ({test.result.data.latencyMs} ms)
            </span>
          ) : test.result.data?.ok === false ? (
            <span className="flex items-center gap-1 text-destructive">
              <XCircle className="size-4" /> {test.result.data.message}
            </span>
          ) : test.result.serverError ? (
            <span className="text-destructive">{test.result.serverError}</span>
          ) : null}
        </div>
      </div>
    </form>
  );
}
