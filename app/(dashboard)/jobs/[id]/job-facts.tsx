import { AssetThumbnail } from "@/components/assets/asset-thumbnail";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { formatDateTime as dateTime } from "@/lib/format";
import type { VideoJobView } from "@/lib/generation/video-job-view";
import { type ReferenceRole, roleLabels } from "@/lib/generation/video-rules";

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
  const p = job.params;
  return (
    <div className="flex flex-col gap-6">
      <FactCard title="Prompt">
        <p className="text-sm whitespace-pre-wrap" data-testid="job-prompt">
          {job.prompt ?? <span className="text-muted-foreground italic">No prompt</span>}
        </p>
      </FactCard>
      <FactCard title="References">
        {job.references.length === 0 ? (
          <p className="text-sm text-muted-foreground">None: the video was made from the prompt alone.</p>
        ) : (
          <ul className="flex flex-col gap-2" data-testid="job-references">
            {job.references.map((r, i) => (
              <li key={`${r.assetId}-${i}`} className="flex items-center gap-3">
                <AssetThumbnail look="tile" type={r.type} thumbnailUrl={r.thumbnailUrl} name={r.name} className="size-12 shrink-0" />
                <div className="min-w-0">
                  <div className="truncate text-sm font-medium" title={r.name}>
                    {r.name}
                  </div>
                  <div className="text-xs text-muted-foreground">{roleLabels[r.role as ReferenceRole] ?? r.role}</div>
                </div>
              </li>
            ))}
          </ul>
        )}
      </FactCard>
      <FactCard title="Parameters">
        <dl className="divide-y divide-border" data-testid="job-parameters">
          <Parameter label="Model">{job.model}</Parameter>
          <Parameter label="Duration">{p.duration} s</Parameter>
          <Parameter label="Aspect ratio">{p.aspectRatio}</Parameter>
          <Parameter label="Resolution">{p.resolution}</Parameter>
          <Parameter label="Audio">{p.generateAudio ? "Generated" : "None"}</Parameter>
          <Parameter label="Seed">{p.seed ?? "Random"}</Parameter>
          <Parameter label="Last frame">{p.returnLastFrame ? "Returned" : "Not asked for"}</Parameter>
          <Parameter label="Started">{dateTime(job.createdAt)}</Parameter>
          {job.finishedAt ? <Parameter label="Finished">{dateTime(job.finishedAt)}</Parameter> : null}
          {job.providerTaskId ? (
            <Parameter label="Provider task">
              <span className="font-mono text-xs break-all">{job.providerTaskId}</span>
            </Parameter>
          ) : null}
        </dl>
      </FactCard>
    </div>
  );
}
