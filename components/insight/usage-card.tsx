import { getTranslations } from "next-intl/server";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Progress } from "@/components/ui/progress";
import { getUsage } from "@/lib/usage/get-usage";

/** Groups and assets per group against the provider account's limits (Upload and Settings). */
export async function UsageCard({ teamId, compact = false }: { teamId: string; compact?: boolean }) {
  const t = await getTranslations("insight");
  const usage = await getUsage(teamId, compact ? 3 : 5);
  const share = (used: number, limit: number) => Math.min(100, Math.round((used / limit) * 100));
  const tone = (used: number, limit: number) => (used >= limit ? "destructive" : "primary");
  return (
    <Card className="mb-6" data-testid="usage-card">
      <CardHeader>
        <CardTitle>{t("usage.title")}</CardTitle>
        <CardDescription>{t("usage.description")}</CardDescription>
      </CardHeader>
      <CardContent className="space-y-3 text-sm">
        <div>
          <div className="flex justify-between">
            <span>{t("usage.groups")}</span>
            <span className="tabular-nums" data-testid="usage-groups">
              {t("usage.usedOf", { used: usage.groups.used, limit: usage.groups.limit })}
            </span>
          </div>
          <Progress percent={share(usage.groups.used, usage.groups.limit)} label={t("usage.groupsUsed")} tone={tone(usage.groups.used, usage.groups.limit)} />
        </div>
        {usage.fullest.length > 0 ? (
          <div>
            <p className="text-xs text-muted-foreground">{t("usage.fullest", { limit: usage.assetsPerGroup })}</p>
            <ul className="mt-1 space-y-2">
              {usage.fullest.map((g) => (
                <li key={g.id}>
                  <div className="flex justify-between gap-2">
                    <span className="min-w-0 truncate">
                      {g.name} <span className="text-muted-foreground">· {g.projectName}</span>
                    </span>
                    <span className="shrink-0 tabular-nums">
                      {t("usage.usedOf", { used: g.assets, limit: usage.assetsPerGroup })}
                    </span>
                  </div>
                  <Progress percent={share(g.assets, usage.assetsPerGroup)} label={t("usage.assetsIn", { group: g.name })} tone={tone(g.assets, usage.assetsPerGroup)} />
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </CardContent>
    </Card>
  );
}
