"use client";

import { AlertCircle } from "@/components/icons/alert-circle";
import { Clapperboard } from "@/components/icons/clapperboard";
import { Loader2 } from "@/components/icons/loader-2";
import { useTranslations } from "next-intl";
import { useAction } from "@/lib/use-action";
import { noteStartedJob } from "@/components/generation/running-jobs";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMemo, useRef, useState } from "react";
import { toast } from "@/components/ui/toast";
import { SeedField, SelectField } from "@/components/generation/video-param-fields";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Textarea } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { createVideoJobAction } from "@/lib/generation/create-video-job.action";
import type { ApprovedAssetView } from "@/lib/generation/list-approved-assets";
import { estimateCost } from "@/lib/generation/price-table";
import type { PriceTable } from "@/lib/generation/read-price-table";
import type { VideoParams } from "@/lib/generation/video-request-schema";
import {
  type ReferenceRole,
  aspectRatios,
  checkVideoRules,
  defaultRoleFor,
  resolutions,
  videoLimits,
  videoParamProblems,
} from "@/lib/generation/video-rules";
import { useSentence } from "@/lib/i18n/use-sentence";
import { cn } from "@/lib/utils";
import { AssetPicker } from "./asset-picker";
import { ChosenReferences } from "./chosen-references";
import { CostEstimate } from "./cost-estimate";
import { Segmented, Toggle } from "./form-controls";
import { useInView } from "./use-in-view";

export type SelectedReference = { asset: ApprovedAssetView; role: ReferenceRole };
export type GenerateFormInitial = VideoParams & { model: string; prompt: string; selected: SelectedReference[] };

type Props = {
  initial: GenerateFormInitial;
  models: string[];
  groups: { id: string; name: string; approvedCount: number }[];
  priceTable: PriceTable | null;
  duplicateOf: string | null;
};

const limitOf = { IMAGE: videoLimits.maxImages, VIDEO: videoLimits.maxVideos, AUDIO: videoLimits.maxAudios } as const;

/** The Generate form: references from the picker, each image's role, prompt and parameters. */
export function GenerateForm({ initial, models, groups, priceTable, duplicateOf }: Props) {
  const t = useTranslations("generate");
  const say = useSentence();
  const router = useRouter();
  const [selected, setSelected] = useState<SelectedReference[]>(initial.selected);
  const [prompt, setPrompt] = useState(initial.prompt);
  const [model, setModel] = useState(initial.model);
  const [duration, setDuration] = useState(initial.duration);
  const [aspectRatio, setAspectRatio] = useState(initial.aspectRatio);
  const [resolution, setResolution] = useState(initial.resolution);
  const [generateAudio, setGenerateAudio] = useState(initial.generateAudio);
  const [returnLastFrame, setReturnLastFrame] = useState(initial.returnLastFrame);
  const [seed, setSeed] = useState(initial.seed === null ? "" : String(initial.seed));
  const [sendFailure, setSendFailure] = useState<{ jobId: string; message: string } | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const formInView = useInView(formRef);

  const create = useAction(createVideoJobAction, {
    onSuccess: ({ data }) => {
      if (!data) return;
      if (data.state === "SEND_FAILED") {
        setSendFailure({ jobId: data.jobId, message: data.error ?? t("form.providerRefused") });
        toast.error(t("form.startFailed"), { description: data.error ?? undefined });
        return;
      }
      toast.success(t("form.started"));
      noteStartedJob(data.jobId);
      router.push(`/jobs/${data.jobId}`);
    },
    onExecute: () => setSendFailure(null),
  });

  const references = selected.map((s) => ({ assetId: s.asset.id, type: s.asset.type, role: s.role, durationMs: s.asset.durationMs }));
  const violations = checkVideoRules({ prompt, references });
  const seedValue = seed.trim() === "" ? null : Number(seed);
  const params: VideoParams = { duration, aspectRatio, resolution, generateAudio, seed: seedValue, returnLastFrame };
  const paramErrors = videoParamProblems(params).map((key) => say({ key }));
  const problems = [...violations.map((v) => say(v)), ...paramErrors, ...(model ? [] : [t("form.chooseModel")])];
  const serverError = create.result.serverError;
  const cost = estimateCost(priceTable, { model, resolution, duration });
  const selectedIds = useMemo(() => new Set(selected.map((s) => s.asset.id)), [selected]);
  const counts = { IMAGE: 0, VIDEO: 0, AUDIO: 0 };
  for (const s of selected) counts[s.asset.type]++;

  function toggle(asset: ApprovedAssetView) {
    if (selectedIds.has(asset.id)) {
      setSelected((list) => list.filter((s) => s.asset.id !== asset.id));
      return;
    }
    if (counts[asset.type] >= limitOf[asset.type]) {
      toast.error(t(`form.tooMany.${asset.type}`, { max: limitOf[asset.type] }));
      return;
    }
    if (selected.length >= videoLimits.maxReferences) {
      toast.error(t("form.tooManyReferences", { max: videoLimits.maxReferences }));
      return;
    }
    setSelected((list) => [...list, { asset, role: defaultRoleFor(asset.type) }]);
  }

  function move(index: number, by: -1 | 1) {
    setSelected((list) => {
      const next = [...list];
      const [item] = next.splice(index, 1);
      if (item) next.splice(index + by, 0, item);
      return next;
    });
  }

  function submit(event: React.FormEvent) {
    event.preventDefault();
    if (problems.length > 0) return;
    create.execute({
      model,
      prompt,
      references: selected.map((s) => ({ assetId: s.asset.id, type: s.asset.type, role: s.role })),
      ...params,
    });
  }

  return (
    <div className="grid grid-cols-1 items-start gap-6 pb-16 lg:grid-cols-[minmax(0,1fr)_400px] lg:pb-0 xl:grid-cols-[minmax(0,1fr)_440px]">
      <Card>
        <CardHeader>
          <CardTitle>{t("form.approvedAssets")}</CardTitle>
          <CardDescription>
            {t("form.pickUpTo", { images: videoLimits.maxImages, videos: videoLimits.maxVideos, audios: videoLimits.maxAudios, references: videoLimits.maxReferences })}
          </CardDescription>
        </CardHeader>
        <CardContent>
          <AssetPicker groups={groups} selectedIds={selectedIds} onToggle={toggle} />
        </CardContent>
      </Card>

      {selected.length > 0 && !formInView ? (
        <div className="fixed inset-x-0 bottom-0 z-20 flex items-center justify-between gap-3 border-t border-border bg-card/95 px-4 py-3 backdrop-blur lg:hidden">
          <span className="text-sm">
            {t.rich("form.chosen", { count: selected.length, strong: (chunks) => <strong>{chunks}</strong> })}
          </span>
          <Button type="button" size="sm" onClick={() => formRef.current?.scrollIntoView({ behavior: "smooth", block: "start" })}>
            {t("form.continue")}
          </Button>
        </div>
      ) : null}

      <form ref={formRef} id="video-settings" onSubmit={submit} className="scroll-mt-16 lg:sticky lg:top-6" aria-label={t("form.videoSettings")}>
        <Card>
          <CardHeader>
            <CardTitle>{duplicateOf ? t("form.newVideoDuplicated") : t("form.newVideo")}</CardTitle>
            <CardDescription>
              {t("form.counts", {
                images: counts.IMAGE,
                maxImages: videoLimits.maxImages,
                videos: counts.VIDEO,
                maxVideos: videoLimits.maxVideos,
                audios: counts.AUDIO,
                maxAudios: videoLimits.maxAudios,
                all: selected.length,
                maxAll: videoLimits.maxReferences,
              })}
            </CardDescription>
          </CardHeader>
          <CardContent className="flex flex-col gap-5">
            <ChosenReferences
              selected={selected}
              onRole={(assetId, role) => setSelected((list) => list.map((item) => (item.asset.id === assetId ? { ...item, role } : item)))}
              onMove={move}
              onRemove={toggle}
            />

            <div className="flex flex-col gap-2">
              <div className="flex items-baseline justify-between">
                <Label htmlFor="prompt">{t("form.prompt")}</Label>
                <span
                  id="prompt-counter"
                  className={cn("text-xs tabular-nums", prompt.length > videoLimits.promptMaxChars ? "text-destructive" : "text-muted-foreground")}
                  data-testid="prompt-counter"
                >
                  {prompt.length}/{videoLimits.promptMaxChars}
                </span>
              </div>
              <Textarea
                id="prompt"
                rows={4}
                value={prompt}
                placeholder={t("form.promptPlaceholder")}
                onChange={(e) => setPrompt(e.target.value)}
                aria-invalid={prompt.length > videoLimits.promptMaxChars}
                aria-describedby={prompt.length > videoLimits.promptMaxChars ? "prompt-counter prompt-error" : "prompt-counter"}
              />
              {prompt.length > videoLimits.promptMaxChars ? (
                <p id="prompt-error" className="text-xs text-destructive">
                  {t("form.promptTooLong", { over: prompt.length - videoLimits.promptMaxChars, max: videoLimits.promptMaxChars })}
                </p>
              ) : null}
            </div>

            <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-1 xl:grid-cols-2">
              <SelectField id="model" label={t("form.model")} value={model} options={models} onChange={setModel} />
              <SeedField id="seed" value={seed} onChange={setSeed} />
            </div>

            <div className="flex flex-col gap-2">
              <div className="flex items-baseline justify-between">
                <Label htmlFor="duration">{t("form.duration")}</Label>
                <span className="text-sm font-medium tabular-nums">{t("form.seconds", { duration })}</span>
              </div>
              <input
                id="duration"
                type="range"
                min={videoLimits.minDurationSeconds}
                max={videoLimits.maxDurationSeconds}
                step={1}
                value={duration}
                onChange={(e) => setDuration(Number(e.target.value))}
                className="w-full accent-[var(--primary)]"
              />
            </div>

            <div className="flex flex-col gap-2">
              <span className="text-sm font-medium">{t("form.aspectRatio")}</span>
              <Segmented label={t("form.aspectRatio")} value={aspectRatio} options={aspectRatios} onChange={setAspectRatio} />
            </div>
            <div className="flex flex-col gap-2">
              <span className="text-sm font-medium">{t("form.resolution")}</span>
              <Segmented label={t("form.resolution")} value={resolution} options={resolutions} onChange={setResolution} />
            </div>

            <div className="grid grid-cols-1 gap-2">
              <Toggle id="generateAudio" label={t("form.generateAudio")} hint={t("form.generateAudioHint")} checked={generateAudio} onChange={setGenerateAudio} />
              <Toggle
                id="returnLastFrame"
                label={t("form.returnLastFrame")}
                hint={t("form.returnLastFrameHint")}
                checked={returnLastFrame}
                onChange={setReturnLastFrame}
              />
            </div>

            {priceTable ? <CostEstimate cost={cost} model={model} resolution={resolution} duration={duration} /> : null}

            {problems.length > 0 && (selected.length > 0 || prompt.length > 0) ? (
              <div id="generate-problems" role="alert" data-testid="rule-violations" className="flex gap-2 rounded-md border border-destructive/40 bg-destructive/10 p-3 text-sm text-destructive">
                <AlertCircle className="mt-0.5 size-4 shrink-0" aria-hidden />
                <ul className="flex flex-col gap-1">
                  {problems.map((p) => (
                    <li key={p}>{p}</li>
                  ))}
                </ul>
              </div>
            ) : null}
            {serverError || sendFailure ? (
              <div role="alert" data-testid="server-error" className="flex gap-2 rounded-md border border-destructive/40 bg-destructive/10 p-3 text-sm text-destructive">
                <AlertCircle className="mt-0.5 size-4 shrink-0" aria-hidden />
                <div>
                  {serverError ?? sendFailure?.message}
                  {sendFailure ? (
                    <>
                      {" "}
                      {t.rich("form.keptAsJob", {
                        link: (chunks) => (
                          <Link href={`/jobs/${sendFailure.jobId}`} className="underline underline-offset-2">
                            {chunks}
                          </Link>
                        ),
                      })}
                    </>
                  ) : null}
                </div>
              </div>
            ) : null}

            <div className="sticky bottom-0 -mx-5 -mb-5 border-t border-border bg-card/95 p-4 backdrop-blur lg:static lg:m-0 lg:border-0 lg:bg-transparent lg:p-0">
              <Button
                type="submit"
                size="lg"
                className="w-full"
                disabled={problems.length > 0 || create.isPending}
                aria-describedby={problems.length > 0 && (selected.length > 0 || prompt.length > 0) ? "generate-problems" : undefined}
              >
                {create.isPending ? <Loader2 className="animate-spin" aria-hidden /> : <Clapperboard aria-hidden />}
                {create.isPending ? t("form.starting") : t("form.generateVideo")}
              </Button>
            </div>
          </CardContent>
        </Card>
      </form>
    </div>
  );
}
