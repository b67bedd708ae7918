import { getTranslations } from "next-intl/server";
import { MemberBudgetForm, TeamBudgetForm } from "@/components/insight/budget-forms";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { getBudgetStatus } from "@/lib/budgets/get-budget-status";
import { getGenerationSettings } from "@/lib/generation/get-generation-settings";
import { formatMoney } from "@/lib/generation/price-table";

/** Settings: budgets of the team and each member, with this month's estimated spend. */
export async function BudgetsCard({ teamId }: { teamId: string }) {
  const t = await getTranslations("insight");
  const [status, { priceTable }] = await Promise.all([getBudgetStatus(teamId), getGenerationSettings(teamId)]);
  const currency = priceTable?.currency ?? t("budgets.credits");
  const money = (n: number | null) => (n === null ? t("budgets.noLimit") : formatMoney(n, currency));
  return (
    <Card className="mb-6" id="budgets" data-testid="budgets-card">
      <CardHeader>
        <CardTitle>{t("budgets.title")}</CardTitle>
        <CardDescription>
          {t("budgets.description")}
          {priceTable ? null : ` ${t("budgets.noPriceTable")}`}
        </CardDescription>
      </CardHeader>
      <CardContent className="space-y-5">
        <p className="text-sm" data-testid="team-spend">
          {status.team.left !== null
            ? t("budgets.thisMonthWithLimit", {
                spent: money(status.team.spent),
                reserved: money(status.team.reserved),
                left: money(status.team.left),
                limit: money(status.team.monthlyLimit),
              })
            : t("budgets.thisMonth", { spent: money(status.team.spent), reserved: money(status.team.reserved) })}{" "}
          {t("budgets.running", { running: status.running, max: status.maxRunningJobs })}
        </p>
        <TeamBudgetForm monthlyLimit={status.team.monthlyLimit} maxRunningJobs={status.teamMaxRunningJobs} serverMaxRunning={status.maxRunningJobs} currency={currency} />
        {/* Long member names and the limit forms scroll inside this box on a phone, not the page. */}
        <div className="relative overflow-x-auto">
        <table className="w-full text-sm">
          <thead>
            <tr className="text-left text-xs text-muted-foreground">
              <th className="py-1 font-medium">{t("budgets.member")}</th>
              <th className="py-1 font-medium">{t("budgets.spentReserved")}</th>
              <th className="py-1 font-medium">{t("budgets.monthlyLimit")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-border">
            {status.members.map((m) => (
              <tr key={m.userId}>
                <td className="py-2 pr-2">{m.name}</td>
                <td className="py-2 pr-2 tabular-nums">
                  {money(m.spent + m.reserved)}
                  {m.left !== null ? <span className="text-muted-foreground"> · {t("budgets.left", { left: money(m.left) })}</span> : null}
                </td>
                <td className="py-2">
                  <MemberBudgetForm userId={m.userId} name={m.name} monthlyLimit={m.monthlyLimit} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        </div>
      </CardContent>
    </Card>
  );
}
