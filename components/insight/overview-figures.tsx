import Link from "next/link";
import { LazyJobsChart, LazyReviewChart } from "@/components/insight/overview-charts-lazy";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { explainFailure } from "@/lib/assets/explain-failure";
import { requestLocale } from "@/lib/i18n/error-message";
import { sentencesIn } from "@/lib/i18n/sentence-in";
import { galleryFiltersToSearchParams } from "@/lib/assets/gallery-filters";
import { formatDuration, formatPercent } from "@/lib/format";
import { formatMoney } from "@/lib/generation/price-table";
import { type Overview, type OverviewJobsBy, loadOverview } from "@/lib/insight/load-overview";
import type { OverviewRange } from "@/lib/insight/overview-range";
import { logger } from "@/lib/logger";
import { newRequestId } from "@/lib/request-id";

/** The Overview's charts and figures for one team; streamed in behind a skeleton. */
export async function OverviewFigures({ teamId, days, timeZone }: { teamId: string; days: OverviewRange; timeZone: string }) {
  let overview: Overview;
  try {
    overview = await loadOverview(teamId, { days, timeZone });
  } catch (error) {
    const requestId = newRequestId();
    logger.error({ err: error, requestId, teamId }, "loading the overview failed");
    return (
      <Card role="alert" data-testid="overview-error">
        <CardHeader>
          <CardTitle>The figures could not be loaded</CardTitle>
          <CardDescription>Something went wrong on our side. Reload the page to try again (ref {requestId}).</CardDescription>
        </CardHeader>
      </Card>
    );
  }
  const { totals, reviewTime, currency } = overview;
  const say = await sentencesIn(await requestLocale());
  const money = (n: number) => (currency ? formatMoney(n, currency) : "—");
  const empty = totals.submitted + totals.approved + totals.failed + totals.jobs === 0;
  return (
    <div className="space-y-6" data-testid="overview-figures">
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        <Stat label="Submitted" value={String(totals.submitted)} />
        <Stat label="Approval rate" value={formatPercent(totals.approvalRate)} hint={`${totals.approved} approved, ${totals.failed} failed`} />
        <Stat label="Review time (median)" value={formatDuration(reviewTime.medianSeconds)} hint={`p90 ${formatDuration(reviewTime.p90Seconds)} · ${reviewTime.reviewed} reviewed`} testId="review-time" />
        <Stat label="Estimated spend" value={money(totals.spend)} hint={`${totals.jobs} video jobs${currency ? "" : " · no price table"}`} />
      </dl>
      {empty ? (
        <Card data-testid="overview-empty">
          <CardHeader>
            <CardTitle>Nothing in these {days} days</CardTitle>
            <CardDescription>
              No asset was submitted or reviewed and no video was started. <Link className="underline" href="/upload">Upload avatars</Link> to get started.
            </CardDescription>
          </CardHeader>
        </Card>
      ) : null}
      <Card>
        <CardHeader>
          <CardTitle>Review per day</CardTitle>
          <CardDescription>Assets submitted, approved and failed each day, and the share of verdicts that were approvals.</CardDescription>
        </CardHeader>
        <CardContent>
          <LazyReviewChart days={overview.days} />
        </CardContent>
      </Card>
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>Why assets failed</CardTitle>
            <CardDescription>Rejection reasons, most frequent first. Open one to see its assets.</CardDescription>
          </CardHeader>
          <CardContent>
            {overview.reasons.length === 0 ? (
              <p className="text-sm text-muted-foreground">No asset failed review in these days.</p>
            ) : (
              <ul className="space-y-2" data-testid="rejection-reasons">
                {overview.reasons.map((r) => {
                  const href = `/gallery?${galleryFiltersToSearchParams({ tab: "failed", reason: r.code }).toString()}`;
                  const top = overview.reasons[0]!.count;
                  return (
                    <li key={r.code}>
                      <Link href={href} className="group block rounded-md p-1 hover:bg-muted" data-reason={r.code}>
                        <span className="flex items-baseline justify-between gap-2 text-sm">
                          <span className="min-w-0 truncate font-medium group-hover:underline">{say(explainFailure({ code: r.code, reason: r.example }).title)}</span>
                          <span className="shrink-0 tabular-nums">{r.count}</span>
                        </span>
                        <span className="block truncate text-xs text-muted-foreground">{r.code}</span>
                        <span className="mt-1 block h-2 rounded-full bg-destructive/80" style={{ width: `${Math.max(4, (r.count / top) * 100)}%` }} aria-hidden />
                      </Link>
                    </li>
                  );
                })}
              </ul>
            )}
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Video jobs and estimated spend</CardTitle>
            <CardDescription>Jobs started each day; spend is estimated from the price table on Settings, failed jobs cost nothing.</CardDescription>
          </CardHeader>
          <CardContent>
            <LazyJobsChart days={overview.days} currency={currency} />
          </CardContent>
        </Card>
      </div>
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        <JobsTable title="By model" rows={overview.byModel} money={money} testId="jobs-by-model" />
        <JobsTable title="By member" rows={overview.byMember} money={money} testId="jobs-by-member" />
      </div>
    </div>
  );
}

function Stat({ label, value, hint, testId }: { label: string; value: string; hint?: string; testId?: string }) {
  return (
    <div className="rounded-lg border border-border bg-card p-4 shadow-sm" data-testid={testId}>
      <dt className="text-xs text-muted-foreground sm:text-sm">{label}</dt>
      <dd className="text-2xl font-semibold tabular-nums">{value}</dd>
      {hint ? <dd className="text-xs text-muted-foreground">{hint}</dd> : null}
    </div>
  );
}

function JobsTable({ title, rows, money, testId }: { title: string; rows: OverviewJobsBy[]; money: (n: number) => string; testId: string }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Video jobs {title.toLowerCase()}</CardTitle>
      </CardHeader>
      <CardContent>
        {rows.length === 0 ? (
          <p className="text-sm text-muted-foreground">No video jobs in these days.</p>
        ) : (
          <table className="w-full text-sm" data-testid={testId}>
            <thead>
              <tr className="text-left text-xs text-muted-foreground">
                <th className="py-1 font-medium">{title.replace("By ", "").replace(/^./, (c) => c.toUpperCase())}</th>
                <th className="py-1 text-right font-medium">Jobs</th>
                <th className="py-1 text-right font-medium">Failed</th>
                <th className="py-1 text-right font-medium">Est. spend</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-border">
              {rows.map((r) => (
                <tr key={r.key || r.label}>
                  <td className="max-w-0 truncate py-1.5">{r.label}</td>
                  <td className="py-1.5 text-right tabular-nums">{r.jobs}</td>
                  <td className="py-1.5 text-right tabular-nums">{r.failed}</td>
                  <td className="py-1.5 text-right tabular-nums">{money(r.spend)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </CardContent>
    </Card>
  );
}

export function OverviewFiguresSkeleton() {
  return (
    <div className="space-y-6" aria-busy="true" aria-label="Loading figures">
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        {[0, 1, 2, 3].map((i) => (
          <div key={i} className="h-24 animate-pulse rounded-lg bg-muted" />
        ))}
      </div>
      <div className="h-80 animate-pulse rounded-lg bg-muted" />
    </div>
  );
}
