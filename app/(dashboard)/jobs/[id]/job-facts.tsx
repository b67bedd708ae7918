import { useTranslations } from "next-intl";
import { AssetThumbnail } from "@/components/assets/asset-thumbnail";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { VideoJobView } from "@/lib/generation/video-job-view";
import { useFormat } from "@/lib/i18n/use-format";
import { referenceRoles } from "@/lib/generation/video-rules";

function Parameter({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="flex justify-between gap-4 py-1.5 text-sm">
      <dt className="text-muted-foreground">{label}</dt>
      <dd className="min-w-0 text-right font-medium break-words">{children}</dd>
    </div>
  );
}

function FactCard({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>{title}</CardTitle>
      </CardHeader>
      <CardContent>{children}</CardContent>
    </Card>
  );
}

/** The job page's side column: prompt, references and parameters. */
export function JobFacts({ job }: { job: VideoJobView }) {
  const t = useTranslations("jobs");
  const tg = useTranslations("generate");
  const format = useFormat();
  const p = job.params;
  return (
    <div className="flex flex-col gap-6">
      <FactCard title={t("facts.prompt")}>
        <p className="text-sm whitespace-pre-wrap" data-testid="job-prompt">
          {job.prompt ?? <span className="text-muted-foreground italic">{t("noPrompt")}</span>}
        </p>
      </FactCard>
      <FactCard title={t("facts.references")}>
        {job.references.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t("facts.noReferences")}</p>
        ) : (
          <ul className="flex flex-col gap-2" data-testid="job-references">
            {job.references.map((r, i) => (
              <li key={`${r.assetId}-${i}`} className="flex items-center gap-3">
                <AssetThumbnail look="tile" type={r.type} thumbnailUrl={r.thumbnailUrl} name={r.name} className="size-12 shrink-0" />
                <div className="min-w-0">
                  <div className="truncate text-sm font-medium" title={r.name}>
                    {r.name}
                  </div>
                  <div className="text-xs text-muted-foreground">{(referenceRoles as readonly string[]).includes(r.role) ? tg(`roles.${r.role}`) : r.role}</div>
                </div>
              </li>
            ))}
          </ul>
        )}
      </FactCard>
      <FactCard title={t("facts.parameters")}>
        <dl className="divide-y divide-border" data-testid="job-parameters">
          <Parameter label={t("facts.model")}>{job.model}</Parameter>
          <Parameter label={t("facts.duration")}>{t("facts.seconds", { duration: p.duration })}</Parameter>
          <Parameter label={t("facts.aspectRatio")}>{p.aspectRatio === "adaptive" ? tg("form.adaptive") : p.aspectRatio}</Parameter>
          <Parameter label={t("facts.resolution")}>{p.resolution}</Parameter>
          <Parameter label={t("facts.audio")}>{p.generateAudio ? t("facts.audioGenerated") : t("facts.audioNone")}</Parameter>
          <Parameter label={t("facts.seed")}>{p.seed ?? t("facts.seedRandom")}</Parameter>
          <Parameter label={t("facts.lastFrame")}>{p.returnLastFrame ? t("facts.lastFrameReturned") : t("facts.lastFrameNotAsked")}</Parameter>
          <Parameter label={t("facts.started")}>{format.dateTimeWithZone(job.createdAt)}</Parameter>
          {job.finishedAt ? <Parameter label={t("facts.finished")}>{format.dateTimeWithZone(job.finishedAt)}</Parameter> : null}
          {job.providerTaskId ? (
            <Parameter label={t("facts.providerTask")}>
              <span className="font-mono text-xs break-all">{job.providerTaskId}</span>
            </Parameter>
          ) : null}
        </dl>
      </FactCard>
    </div>
  );
}
