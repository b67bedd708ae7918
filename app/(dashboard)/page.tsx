import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { OverviewFigures, OverviewFiguresSkeleton } from "@/components/insight/overview-figures";
import { TimeZoneCookie } from "@/components/insight/time-zone-cookie";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { listRecentAuditEvents } from "@/lib/audit/record-audit";
import { can } from "@/lib/auth/roles";
import { requirePageUser } from "@/lib/auth/require-page-user";
import { countAssetsByTab } from "@/lib/assets/count-assets-by-tab";
import { describeAuditEvent } from "@/lib/audit/describe-audit-event";
import { getFormat } from "@/lib/i18n/get-format";
import { requestLocale } from "@/lib/i18n/error-message";
import { sentencesIn } from "@/lib/i18n/sentence-in";
import { cn } from "@/lib/utils";
import { displayName } from "@/lib/users/display-name";
import { overviewRanges, parseOverviewRange } from "@/lib/insight/overview-range";
import { readTimeZone } from "@/lib/insight/read-time-zone";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("overview");
  return { title: t("title") };
}

const toneDot = {
  default: "bg-muted-foreground/40",
  success: "bg-success",
  warning: "bg-warning",
  destructive: "bg-destructive",
} as const;

export default async function OverviewPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [user, t, format] = await Promise.all([requirePageUser(), getTranslations("overview"), getFormat()]);
  const params = await searchParams;
  const days = parseOverviewRange(params.days);
  const timeZone = await readTimeZone(params.tz);
  const say = await sentencesIn(await requestLocale());
  const [events, counts] = await Promise.all([
    listRecentAuditEvents(user.teamId, 15),
    countAssetsByTab(user.teamId, {}, user.id, { kept: user.teamCounts }),
  ]);
  const tiles = [
    { label: t("tiles.approved"), value: counts.approved, href: "/gallery?tab=approved", tone: "text-success" },
    { label: t("tiles.inReview"), value: counts.in_review, href: "/gallery?tab=in_review", tone: "text-warning" },
    {
      label: t("tiles.failed"),
      value: counts.failed,
      href: can(user.role, "reviewFailed") ? "/review" : "/gallery?tab=failed",
      tone: "text-destructive",
    },
  ];
  return (
    <div className="max-w-5xl space-y-6">
      <PageHeader
        title={t("title")}
        description={t("welcome", { name: displayName(user), timeZone })}
        actions={
          <nav aria-label={t("daysShown")} className="flex rounded-md border border-border p-0.5 text-sm" data-testid="overview-range">
            {overviewRanges.map((n) => (
              <Link
                key={n}
                href={n === 30 ? "/" : `/?days=${n}`}
                aria-current={n === days ? "page" : undefined}
                className={cn("rounded px-2.5 py-1", n === days ? "bg-primary text-primary-foreground" : "hover:bg-muted")}
              >
                {t("rangeDays", { days: n })}
              </Link>
            ))}
          </nav>
        }
      />
      <TimeZoneCookie current={timeZone} />
      <div className="grid grid-cols-3 gap-3" data-testid="asset-tiles">
        {tiles.map((tile) => (
          <Link key={tile.label} href={tile.href} className="rounded-lg border border-border bg-card p-4 shadow-sm transition-colors hover:bg-muted">
            <div className={cn("text-2xl font-semibold tabular-nums", tile.tone)}>{tile.value}</div>
            <div className="text-xs text-muted-foreground sm:text-sm">{tile.label}</div>
          </Link>
        ))}
      </div>
      <Suspense key={`${days}-${timeZone}`} fallback={<OverviewFiguresSkeleton />}>
        <OverviewFigures teamId={user.teamId} days={days} timeZone={timeZone} />
      </Suspense>
      <Card>
        <CardHeader className="flex-row items-baseline justify-between">
          <CardTitle>{t("latestActivity", { team: user.teamName })}</CardTitle>
          {can(user.role, "viewAudit") ? (
            <Link href="/audit" className="text-sm text-primary hover:underline">
              {t("allEvents")}
            </Link>
          ) : null}
        </CardHeader>
        <CardContent>
          {events.length === 0 ? (
            <p className="text-sm text-muted-foreground">{t("noActivity")}</p>
          ) : (
            <ul className="divide-y divide-border text-sm" data-testid="audit-events">
              {events.map((e) => {
                const d = describeAuditEvent(e);
                const actor = e.actorName;
                const sentence = (
                  <>
                    {actor ? <span className="font-medium">{actor}</span> : <span className="font-medium text-muted-foreground">Avatar Studio</span>} {say(d.text)}
                  </>
                );
                return (
                  <li key={e.id} className="flex flex-col gap-0.5 py-2 sm:flex-row sm:items-start sm:justify-between sm:gap-4" data-action={e.action}>
                    <span className="flex min-w-0 gap-2">
                      <span className={cn("mt-1.5 size-2 shrink-0 rounded-full", toneDot[d.tone])} aria-hidden />
                      {d.href ? (
                        <Link href={d.href} className="min-w-0 break-words hover:underline">
                          {sentence}
                        </Link>
                      ) : (
                        <span className="min-w-0 break-words">{sentence}</span>
                      )}
                    </span>
                    <time className="shrink-0 pl-4 text-xs text-muted-foreground sm:pl-0 sm:text-sm" dateTime={e.createdAt.toISOString()}>
                      {format.dateTime(e.createdAt)}
                    </time>
                  </li>
                );
              })}
            </ul>
          )}
        </CardContent>
      </Card>
    </div>
  );
}
