import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { TimeZoneCookie } from "@/components/insight/time-zone-cookie";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { Input, Select } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { PageHeader } from "@/components/ui/page-header";
import { auditActions, isAuditAction } from "@/lib/audit/audit-actions";
import { requirePagePermission } from "@/lib/auth/require-page-user";
import { decodeCursor, encodeCursor } from "@/lib/assets/gallery-filters";
import { auditCategories, auditFiltersToSearchParams, parseAuditFilters } from "@/lib/insight/audit-filters";
import { listAuditActors, listAuditEvents } from "@/lib/insight/list-audit-events";
import { readTimeZone } from "@/lib/insight/read-time-zone";
import { getFormat } from "@/lib/i18n/get-format";
import { cn } from "@/lib/utils";

/** The kinds of record an audit event points at, each worded in `audit.targetTypes`. */
const targetTypeKeys = {
  api_token: true,
  asset: true,
  assets: true,
  assetGroup: true,
  submission: true,
  team: true,
  user: true,
  video_job: true,
  webhook_delivery: true,
  webhook_endpoint: true,
} as const;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("audit");
  return { title: t("title") };
}
export const dynamic = "force-dynamic";

const toneDot = { default: "bg-muted-foreground/40", success: "bg-success", warning: "bg-warning", destructive: "bg-destructive" } as const;

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePagePermission("viewAudit");
  const t = await getTranslations("audit");
  const format = await getFormat();
  const params = await searchParams;
  const filters = parseAuditFilters(params);
  const timeZone = await readTimeZone(params.tz);
  const cursor = decodeCursor(Array.isArray(params.after) ? params.after[0] : params.after);
  const [{ events, next }, actors] = await Promise.all([listAuditEvents(user.teamId, filters, { timeZone, cursor }), listAuditActors(user.teamId)]);
  const query = auditFiltersToSearchParams(filters);
  const nextHref = next ? `/audit?${new URLSearchParams([...query, ["after", encodeCursor(next)]]).toString()}` : null;
  const filtered = query.size > 0;
  return (
    <div className="max-w-6xl space-y-6">
      <TimeZoneCookie current={timeZone} />
      <PageHeader
        title={t("title")}
        description={t("description", { team: user.teamName, timeZone })}
        actions={
          <a href={`/api/audit/export?${query.toString()}`} className={buttonVariants({ variant: "outline" })} data-testid="audit-export" download>
            {t("export")}
          </a>
        }
      />
      <Card>
        <CardContent className="pt-5">
          <form method="get" action="/audit" className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-6 lg:items-end" data-testid="audit-filters">
            <div className="space-y-1">
              <Label htmlFor="audit-who">{t("filters.who")}</Label>
              <Select id="audit-who" name="who" defaultValue={filters.who ?? ""}>
                <option value="">{t("filters.anyone")}</option>
                <option value="system">{t("filters.system")}</option>
                {actors.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.name}
                  </option>
                ))}
              </Select>
            </div>
            <div className="space-y-1">
              <Label htmlFor="audit-action">{t("filters.what")}</Label>
              <Select id="audit-action" name="action" defaultValue={filters.action ?? ""}>
                <option value="">{t("filters.anyAction")}</option>
                {Object.keys(auditCategories).map((key) => (
                  <optgroup key={key} label={t(`categories.${key}.label`)}>
                    <option value={key}>{t(`categories.${key}.all`)}</option>
                    {auditActions
                      .filter((a) => a.startsWith(`${key}.`))
                      .map((a) => (
                        <option key={a} value={a}>
                          {t(`actions.${a}`)}
                        </option>
                      ))}
                  </optgroup>
                ))}
              </Select>
            </div>
            <div className="space-y-1">
              <Label htmlFor="audit-from">{t("filters.from")}</Label>
              <Input id="audit-from" name="from" type="date" defaultValue={filters.from ?? ""} />
            </div>
            <div className="space-y-1">
              <Label htmlFor="audit-to">{t("filters.to")}</Label>
              <Input id="audit-to" name="to" type="date" defaultValue={filters.to ?? ""} />
            </div>
            <div className="space-y-1">
              <Label htmlFor="audit-target">{t("filters.target")}</Label>
              <Input id="audit-target" name="target" placeholder={t("filters.targetPlaceholder")} defaultValue={filters.target ?? ""} />
            </div>
            <div className="flex gap-2">
              <button type="submit" className={buttonVariants()}>
                {t("filters.submit")}
              </button>
              {filtered ? (
                <Link href="/audit" className={buttonVariants({ variant: "ghost" })}>
                  {t("filters.clear")}
                </Link>
              ) : null}
            </div>
          </form>
        </CardContent>
      </Card>
      <Card>
        <CardContent className="pt-5">
          {events.length === 0 ? (
            <p className="text-sm text-muted-foreground" data-testid="audit-empty">
              {filtered || cursor ? t("noMatch") : t("empty")}
            </p>
          ) : (
            <table className="w-full text-sm" data-testid="audit-events">
              <thead>
                <tr className="text-left text-xs text-muted-foreground">
                  <th className="py-1 pr-3 font-medium">{t("table.when")}</th>
                  <th className="py-1 pr-3 font-medium">{t("table.what")}</th>
                  <th className="hidden py-1 pr-3 font-medium md:table-cell">{t("table.action")}</th>
                  <th className="hidden py-1 font-medium lg:table-cell">{t("table.target")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-border">
                {events.map((e) => (
                  <tr key={e.id} data-action={e.action} className="align-top">
                    <td className="whitespace-nowrap py-2 pr-3 text-muted-foreground">
                      <time dateTime={e.createdAt.toISOString()}>{format.dateTimeWithZone(e.createdAt)}</time>
                    </td>
                    <td className="py-2 pr-3">
                      <span className="flex gap-2">
                        <span className={cn("mt-1.5 size-2 shrink-0 rounded-full", toneDot[e.tone])} aria-hidden />
                        <span className="min-w-0 wrap-anywhere">
                          <span className="font-medium">{e.actorName ?? "Avatar Studio"}</span>{" "}
                          {e.href ? (
                            <Link href={e.href} className="hover:underline">
                              {e.text}
                            </Link>
                          ) : (
                            e.text
                          )}
                        </span>
                      </span>
                    </td>
                    <td className="hidden py-2 pr-3 text-xs md:table-cell" title={e.action}>
                      {isAuditAction(e.action) ? t(`actions.${e.action}`) : <span className="font-mono">{e.action}</span>}
                    </td>
                    <td className="hidden py-2 font-mono text-xs lg:table-cell">
                      {e.targetId ? (
                        <Link href={`/audit?${new URLSearchParams({ target: e.targetId }).toString()}`} className="hover:underline">
                          {t("table.targetLink", { type: t(`targetTypes.${e.targetType && e.targetType in targetTypeKeys ? e.targetType : "other"}`), id: e.targetId.slice(0, 10) })}
                        </Link>
                      ) : (
                        "—"
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <div className="mt-4 flex justify-between text-sm">
            {cursor ? (
              <Link href={`/audit?${query.toString()}`} className="text-primary hover:underline">
                {t("newest")}
              </Link>
            ) : (
              <span />
            )}
            {nextHref ? (
              <Link href={nextHref} className="text-primary hover:underline" data-testid="audit-next">
                {t("older")}
              </Link>
            ) : null}
          </div>
        </CardContent>
      </Card>
    </div>
  );
}
