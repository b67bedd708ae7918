import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { useTranslations } from "next-intl";
import { LazyJobsChart, LazyReviewChart } from "@/components/insight/overview-charts-lazy";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { explainFailure } from "@/lib/assets/explain-failure";
import { requestLocale } from "@/lib/i18n/error-message";
import { sentencesIn } from "@/lib/i18n/sentence-in";
import { galleryFiltersToSearchParams } from "@/lib/assets/gallery-filters";
import { formatMoney } from "@/lib/generation/price-table";
import { getFormat } from "@/lib/i18n/get-format";
import { useFormat } from "@/lib/i18n/use-format";
import { type Overview, type OverviewJobsBy, loadOverview } from "@/lib/insight/load-overview";
import type { OverviewRange } from "@/lib/insight/overview-range";
import { logger } from "@/lib/logger";
import { newRequestId } from "@/lib/request-id";

/** The Overview's charts and figures for one team; streamed in behind a skeleton. */
export async function OverviewFigures({ teamId, days, timeZone }: { teamId: string; days: OverviewRange; timeZone: string }) {
  const [t, format] = await Promise.all([getTranslations("insight"), getFormat()]);
  let overview: Overview;
  try {
    overview = await loadOverview(teamId, { days, timeZone });
  } catch (error) {
    const requestId = newRequestId();
    logger.error({ err: error, requestId, teamId }, "loading the overview failed");
    return (
      <Card role="alert" data-testid="overview-error">
        <CardHeader>
          <CardTitle>{t("figures.errorTitle")}</CardTitle>
          <CardDescription>{t("figures.errorBody", { ref: requestId })}</CardDescription>
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
        <Stat label={t("figures.submitted")} value={format.number(totals.submitted)} />
        <Stat
          label={t("figures.approvalRate")}
          value={format.percent(totals.approvalRate)}
          hint={t("figures.approvalRateHint", { approved: totals.approved, failed: totals.failed })}
        />
        <Stat
          label={t("figures.reviewTime")}
          value={format.duration(reviewTime.medianSeconds)}
          hint={t("figures.reviewTimeHint", { p90: format.duration(reviewTime.p90Seconds), reviewed: reviewTime.reviewed })}
          testId="review-time"
        />
        <Stat
          label={t("figures.estimatedSpend")}
          value={money(totals.spend)}
          hint={currency ? t("figures.spendHint", { jobs: totals.jobs }) : t("figures.spendHintNoPrices", { jobs: totals.jobs })}
        />
      </dl>
      {empty ? (
        <Card data-testid="overview-empty">
          <CardHeader>
            <CardTitle>{t("figures.emptyTitle", { days })}</CardTitle>
            <CardDescription>
              {t.rich("figures.emptyBody", {
                link: (chunks) => (
                  <Link className="underline" href="/upload">
                    {chunks}
                  </Link>
                ),
              })}
            </CardDescription>
          </CardHeader>
        </Card>
      ) : null}
      <Card>
        <CardHeader>
          <CardTitle>{t("figures.reviewPerDay")}</CardTitle>
          <CardDescription>{t("figures.reviewPerDayDescription")}</CardDescription>
        </CardHeader>
        <CardContent>
          <LazyReviewChart days={overview.days} />
        </CardContent>
      </Card>
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>{t("figures.reasonsTitle")}</CardTitle>
            <CardDescription>{t("figures.reasonsDescription")}</CardDescription>
          </CardHeader>
          <CardContent>
            {overview.reasons.length === 0 ? (
              <p className="text-sm text-muted-foreground">{t("figures.noReasons")}</p>
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
                          <span className="shrink-0 tabular-nums">{format.number(r.count)}</span>
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
            <CardTitle>{t("figures.jobsTitle")}</CardTitle>
            <CardDescription>{t("figures.jobsDescription")}</CardDescription>
          </CardHeader>
          <CardContent>
            <LazyJobsChart days={overview.days} currency={currency} />
          </CardContent>
        </Card>
      </div>
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        <JobsTable by="model" rows={overview.byModel} money={money} testId="jobs-by-model" />
        <JobsTable by="member" rows={overview.byMember} money={money} testId="jobs-by-member" />
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

function JobsTable({ by, rows, money, testId }: { by: "model" | "member"; rows: OverviewJobsBy[]; money: (n: number) => string; testId: string }) {
  const t = useTranslations("insight");
  const format = useFormat();
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t(`jobsBy.${by}.title`)}</CardTitle>
      </CardHeader>
      <CardContent>
        {rows.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t("jobsBy.empty")}</p>
        ) : (
          <table className="w-full text-sm" data-testid={testId}>
            <thead>
              <tr className="text-left text-xs text-muted-foreground">
                <th className="py-1 font-medium">{t(`jobsBy.${by}.column`)}</th>
                <th className="py-1 text-right font-medium">{t("jobsBy.jobs")}</th>
                <th className="py-1 text-right font-medium">{t("jobsBy.failed")}</th>
                <th className="py-1 text-right font-medium">{t("jobsBy.spend")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-border">
              {rows.map((r) => (
                <tr key={r.key || r.label}>
                  <td className="max-w-0 truncate py-1.5">{r.label}</td>
                  <td className="py-1.5 text-right tabular-nums">{format.number(r.jobs)}</td>
                  <td className="py-1.5 text-right tabular-nums">{format.number(r.failed)}</td>
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
  const t = useTranslations("insight");
  return (
    <div className="space-y-6" aria-busy="true" aria-label={t("figures.loading")}>
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        {[0, 1, 2, 3].map((i) => (
          <div key={i} className="h-24 animate-pulse rounded-lg bg-muted" />
        ))}
      </div>
      <div className="h-80 animate-pulse rounded-lg bg-muted" />
    </div>
  );
}
