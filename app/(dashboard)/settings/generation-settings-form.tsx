"use client";

import { useTranslations } from "next-intl";
import { useAction } from "@/lib/use-action";
import { useState } from "react";
import { toast } from "@/components/ui/toast";
import { SeedField, SelectField } from "@/components/generation/video-param-fields";
import { BreakableId } from "@/components/ui/breakable-id";
import { Button } from "@/components/ui/button";
import { Input, Textarea } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { PriceTable } from "@/lib/generation/read-price-table";
import { saveGenerationSettingsAction } from "@/lib/generation/save-generation-settings.action";
import type { VideoDefaults } from "@/lib/generation/video-defaults";
import { aspectRatios, resolutions, videoLimits } from "@/lib/generation/video-rules";
import { useActionMessage } from "@/lib/i18n/use-action-message";

type Props = {
  models: string[];
  defaults: VideoDefaults;
  /** The prompt as saved; null when the built-in one is in use. */
  savedPrompt: string | null;
  builtInPrompt: string;
  priceTable: PriceTable | null;
};

type PriceGrid = Record<string, Record<(typeof resolutions)[number], string>>;

function gridFrom(models: string[], table: PriceTable | null): PriceGrid {
  const names = [...new Set([...models, ...Object.keys(table?.perSecond ?? {})])];
  return Object.fromEntries(
    names.map((m) => [m, Object.fromEntries(resolutions.map((r) => [r, table?.perSecond[m]?.[r]?.toString() ?? ""])) as PriceGrid[string]]),
  );
}

/** Settings: what one-click "Generate video" uses, and the prices the Generate form estimates with. */
export function GenerationSettingsForm({ models, defaults, savedPrompt, builtInPrompt, priceTable }: Props) {
  const t = useTranslations("settings");
  const tg = useTranslations("generate");
  const message = useActionMessage();
  const [prompt, setPrompt] = useState(savedPrompt ?? "");
  const [model, setModel] = useState(defaults.model && models.includes(defaults.model) ? defaults.model : "");
  const [duration, setDuration] = useState(String(defaults.duration));
  const [aspectRatio, setAspectRatio] = useState(defaults.aspectRatio);
  const [resolution, setResolution] = useState(defaults.resolution);
  const [generateAudio, setGenerateAudio] = useState(defaults.generateAudio);
  const [returnLastFrame, setReturnLastFrame] = useState(defaults.returnLastFrame);
  const [seed, setSeed] = useState(defaults.seed === null ? "" : String(defaults.seed));
  const [currency, setCurrency] = useState(priceTable?.currency ?? "USD");
  const [prices, setPrices] = useState<PriceGrid>(() => gridFrom(models, priceTable));
  const [localError, setLocalError] = useState<string | null>(null);

  const save = useAction(saveGenerationSettingsAction, {
    onSuccess: () => toast.success(t("generation.saved")),
  });
  const error = localError ?? (save.result.serverError || save.result.validationErrors ? message.error(save.result, t("generation.invalid")) : undefined);

  function submit(event: React.FormEvent) {
    event.preventDefault();
    setLocalError(null);
    const perSecond: Record<string, Partial<Record<(typeof resolutions)[number], number | null>>> = {};
    for (const [m, byResolution] of Object.entries(prices)) {
      perSecond[m] = {};
      for (const r of resolutions) {
        const text = byResolution[r].trim();
        if (text === "") continue;
        const value = Number(text.replace(",", "."));
        if (!Number.isFinite(value) || value < 0) {
          setLocalError(t("generation.priceNotNumber", { model: m, resolution: r, currency: currency || t("generation.money") }));
          return;
        }
        perSecond[m][r] = value;
      }
    }
    const seedValue = seed.trim() === "" ? null : Number(seed);
    save.execute({
      defaultPrompt: prompt,
      defaults: { model, duration: Number(duration), aspectRatio, resolution, generateAudio, returnLastFrame, seed: seedValue },
      priceTable: { currency, perSecond },
    });
  }

  return (
    <form className="flex flex-col gap-6" onSubmit={submit} aria-label={t("generation.formLabel")}>
      <fieldset className="flex flex-col gap-4">
        <legend className="mb-2 text-sm font-semibold">{t("generation.defaults")}</legend>
        <div className="flex flex-col gap-2">
          <div className="flex items-baseline justify-between">
            <Label htmlFor="defaultPrompt">{t("generation.defaultPrompt")}</Label>
            <span className="text-xs text-muted-foreground tabular-nums">
              {prompt.length}/{videoLimits.promptMaxChars}
            </span>
          </div>
          <Textarea id="defaultPrompt" rows={3} placeholder={builtInPrompt} value={prompt} onChange={(e) => setPrompt(e.target.value)} />
          <p className="text-xs text-muted-foreground">{t("generation.defaultPromptHelp", { prompt: builtInPrompt })}</p>
        </div>
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
          <SelectField
            id="defaultModel"
            label={tg("form.model")}
            value={model}
            options={models}
            onChange={setModel}
            emptyOption={t("generation.firstModel", { model: models[0] ?? t("generation.noModel") })}
          />
          <div className="flex flex-col gap-2">
            <Label htmlFor="defaultDuration">{t("generation.duration")}</Label>
            <Input
              id="defaultDuration"
              type="number"
              min={videoLimits.minDurationSeconds}
              max={videoLimits.maxDurationSeconds}
              value={duration}
              onChange={(e) => setDuration(e.target.value)}
            />
          </div>
          <SelectField
            id="defaultAspectRatio"
            label={tg("form.aspectRatio")}
            value={aspectRatio}
            options={aspectRatios}
            onChange={setAspectRatio}
            optionLabel={(a) => (a === "adaptive" ? t("generation.adaptive") : a)}
          />
          <SelectField id="defaultResolution" label={tg("form.resolution")} value={resolution} options={resolutions} onChange={setResolution} />
          <SeedField id="defaultSeed" value={seed} onChange={setSeed} />
          <div className="flex flex-col justify-end gap-2 text-sm">
            <label className="flex items-center gap-2">
              <input type="checkbox" checked={generateAudio} onChange={(e) => setGenerateAudio(e.target.checked)} className="size-4 accent-[var(--primary)]" />
              {tg("form.generateAudio")}
            </label>
            <label className="flex items-center gap-2">
              <input type="checkbox" checked={returnLastFrame} onChange={(e) => setReturnLastFrame(e.target.checked)} className="size-4 accent-[var(--primary)]" />
              {tg("form.returnLastFrame")}
            </label>
          </div>
        </div>
      </fieldset>

      <fieldset className="flex flex-col gap-3">
        <legend className="mb-2 text-sm font-semibold">{t("generation.prices")}</legend>
        <p className="text-xs text-muted-foreground">
          {t("generation.pricesHelp")}
        </p>
        <div className="flex items-center gap-2">
          <Label htmlFor="currency" className="shrink-0">
            {t("generation.currency")}
          </Label>
          <Input id="currency" className="w-28" maxLength={12} value={currency} onChange={(e) => setCurrency(e.target.value.toUpperCase())} />
        </div>
        {/* A table from sm up; on a phone each model is a block of its own with a labelled field per resolution. */}
        <table className="block w-full text-sm sm:table">
          <caption className="sr-only">{t("generation.pricesCaption")}</caption>
          <thead className="sr-only sm:not-sr-only sm:table-header-group">
            <tr className="text-left text-xs text-muted-foreground">
              <th scope="col" className="py-2 pr-3 font-medium">
                {tg("form.model")}
              </th>
              {resolutions.map((r) => (
                <th key={r} scope="col" className="px-1 py-2 font-medium">
                  {r}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="block sm:table-row-group">
            {Object.keys(prices).map((m) => (
              <tr key={m} className="grid grid-cols-2 gap-x-2 gap-y-1 border-t border-border py-2 sm:table-row sm:py-0">
                <th scope="row" className="col-span-2 py-1 pr-3 text-left align-middle font-mono text-xs font-normal sm:py-2">
                  <BreakableId value={m} />
                </th>
                {resolutions.map((r) => (
                  <td key={r} className="flex items-center gap-2 sm:table-cell sm:px-1 sm:py-1.5">
                    <span aria-hidden className="w-12 shrink-0 text-xs text-muted-foreground sm:hidden">
                      {r}
                    </span>
                    <Input
                      aria-label={t("generation.priceLabel", { model: m, resolution: r })}
                      inputMode="decimal"
                      placeholder="—"
                      value={prices[m]?.[r] ?? ""}
                      onChange={(e) => setPrices((grid) => ({ ...grid, [m]: { ...grid[m]!, [r]: e.target.value } }))}
                      className="h-8 min-w-0 sm:min-w-16"
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </fieldset>

      {error ? (
        <p role="alert" className="text-sm text-destructive">
          {error}
        </p>
      ) : null}
      <div>
        <Button type="submit" disabled={save.isPending}>
          {save.isPending ? t("saving") : t("generation.save")}
        </Button>
      </div>
    </form>
  );
}
