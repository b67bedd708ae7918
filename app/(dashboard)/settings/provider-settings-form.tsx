"use client";

import { CheckCircle2 } from "@/components/icons/check-circle-2";
import { XCircle } from "@/components/icons/x-circle";
import { useTranslations } from "next-intl";
import { useAction } from "@/lib/use-action";
import { useState } from "react";
import { toast } from "@/components/ui/toast";
import { Button } from "@/components/ui/button";
import { Input, Textarea } from "@/components/ui/input";
import { FieldError } from "@/components/ui/field-error";
import { Label } from "@/components/ui/label";
import { useActionMessage } from "@/lib/i18n/use-action-message";
import { sameProviderUrl } from "@/lib/settings/provider-key-binding";
import { saveProviderSettingsAction, testConnectionAction } from "@/lib/settings/provider-settings-actions";

type Props = {
  initial: {
    baseUrl: string;
    models: string[];
    projectName: string;
    apiKeyLast4: string | null;
    keyIsTeams: boolean;
    /** The base URL the team's saved key was entered for; null without a saved key. */
    savedKeyBaseUrl: string | null;
  };
  defaults: { baseUrl: string; models: string[]; projectName: string };
};

export function ProviderSettingsForm({ initial, defaults }: Props) {
  const t = useTranslations("settings");
  const message = useActionMessage();
  const [form, setForm] = useState({
    baseUrl: initial.baseUrl === defaults.baseUrl ? "" : initial.baseUrl,
    apiKey: "",
    models: initial.models.join("\n") === defaults.models.join("\n") ? "" : initial.models.join("\n"),
    projectName: initial.projectName === defaults.projectName ? "" : initial.projectName,
  });
  const [last4, setLast4] = useState(initial.apiKeyLast4);
  const [keyUrl, setKeyUrl] = useState(initial.savedKeyBaseUrl);
  const [clearApiKey, setClearApiKey] = useState(false);
  const save = useAction(saveProviderSettingsAction, {
    onSuccess: ({ data }) => {
      toast.success(t("provider.saved"));
      if (data) {
        setLast4(data.apiKeyLast4);
        setKeyUrl(data.hasSavedKey ? form.baseUrl || defaults.baseUrl : null);
      }
      setForm((f) => ({ ...f, apiKey: "" }));
      setClearApiKey(false);
    },
  });
  // A key belongs to the base URL it was entered for: say so as soon as the URL changes.
  const typedUrl = form.baseUrl.trim() || defaults.baseUrl;
  const savedKeyApplies = keyUrl !== null && !clearApiKey && sameProviderUrl(keyUrl, typedUrl);
  const serverKeyApplies = sameProviderUrl(defaults.baseUrl, typedUrl);
  const keyNeeded = !form.apiKey.trim() && !savedKeyApplies && !serverKeyApplies;
  const keyHint = keyNeeded
    ? keyUrl && !clearApiKey
      ? t("provider.keyForOtherUrl", { keyUrl, typedUrl })
      : t("provider.keyNeeded", { typedUrl })
    : null;
  const test = useAction(testConnectionAction);
  const baseUrlError = message.field(save.result, "baseUrl");
  const error = save.result.serverError;

  return (
    <form
      className="flex flex-col gap-5"
      onSubmit={(e) => {
        e.preventDefault();
        save.execute({ ...form, clearApiKey });
      }}
    >
      <div className="flex flex-col gap-2">
        <Label htmlFor="baseUrl">{t("provider.baseUrl")}</Label>
        <Input
          id="baseUrl"
          placeholder={defaults.baseUrl}
          value={form.baseUrl}
          onChange={(e) => setForm({ ...form, baseUrl: e.target.value })}
          aria-invalid={baseUrlError ? true : undefined}
          aria-describedby={baseUrlError ? "baseUrl-error base-url-help" : "base-url-help"}
        />
        <FieldError id="baseUrl" message={baseUrlError} />
        <p id="base-url-help" className="text-xs text-muted-foreground break-all">
          {t("provider.baseUrlHelp", { url: defaults.baseUrl })}
        </p>
      </div>
      <div className="flex flex-col gap-2">
        <Label htmlFor="apiKey">{t("provider.apiKey")}</Label>
        <Input
          id="apiKey"
          type="password"
          autoComplete="off"
          placeholder={last4 && !keyNeeded ? `•••• ${last4}` : t("provider.apiKeyPlaceholder")}
          aria-describedby={keyHint ? "api-key-help api-key-needed" : "api-key-help"}
          aria-invalid={keyHint ? true : undefined}
          value={form.apiKey}
          onChange={(e) => setForm({ ...form, apiKey: e.target.value })}
        />
        <p id="api-key-help" className="text-xs text-muted-foreground" data-testid="api-key-mask">
          {last4 ? `${t("provider.currentKey", { last4 })} ` : null}
          {t("provider.keyHelp")}
        </p>
        {keyHint ? (
          <p id="api-key-needed" role="status" className="text-sm text-destructive" data-testid="api-key-needed">
            {keyHint}
          </p>
        ) : null}
        {keyUrl ? (
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={clearApiKey} onChange={(e) => setClearApiKey(e.target.checked)} />
            {t("provider.removeKey")}
          </label>
        ) : null}
      </div>
      <div className="grid grid-cols-1 gap-5 sm:grid-cols-2">
        <div className="flex flex-col gap-2">
          <Label htmlFor="models">{t("provider.models")}</Label>
          <Textarea id="models" rows={3} aria-describedby="models-help" placeholder={defaults.models.join("\n")} value={form.models} onChange={(e) => setForm({ ...form, models: e.target.value })} />
          <p id="models-help" className="text-xs text-muted-foreground">
            {t("provider.modelsHelp")}
          </p>
        </div>
        <div className="flex flex-col gap-2">
          <Label htmlFor="projectName">{t("provider.projectName")}</Label>
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
          {save.isPending ? t("saving") : t("provider.save")}
        </Button>
        <Button type="button" variant="outline" disabled={test.isPending} onClick={() => test.execute({ baseUrl: form.baseUrl, apiKey: form.apiKey })}>
          {test.isPending ? t("provider.testing") : t("provider.test")}
        </Button>
        <div data-testid="connection-result" aria-live="polite" className="text-sm">
          {test.result.data?.ok === true ? (
            <span className="flex items-center gap-1 text-success">
              <CheckCircle2 className="size-4" aria-hidden /> {t("provider.connected", { ms: test.result.data.latencyMs })}
            </span>
          ) : test.result.data?.ok === false ? (
            <span className="flex items-center gap-1 text-destructive">
              <XCircle className="size-4" aria-hidden /> {test.result.data.message}
            </span>
          ) : test.result.serverError ? (
            <span className="text-destructive">{test.result.serverError}</span>
          ) : null}
        </div>
      </div>
    </form>
  );
}
