import { MemberBudgetForm, TeamBudgetForm } from "@/components/insight/budget-forms";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { getBudgetStatus } from "@/lib/budgets/get-budget-status";
import { getGenerationSettings } from "@/lib/generation/get-generation-settings";
import { formatMoney } from "@/lib/generation/price-table";

/** Settings: budgets of the team and each member, with this month's estimated spend. */
export async function BudgetsCard({ teamId }: { teamId: string }) {
  const [status, { priceTable }] = await Promise.all([getBudgetStatus(teamId), getGenerationSettings(teamId)]);
  const currency = priceTable?.currency ?? "credits";
  const money = (n: number | null) => (n === null ? "no limit" : formatMoney(n, currency));
  return (
    <Card className="mb-6" id="budgets" data-testid="budgets-card">
      <CardHeader>
        <CardTitle>Budgets</CardTitle>
        <CardDescription>
          Monthly (UTC) limits on estimated video spend, from the price table above; a video is refused when its estimate does not fit in what is left. Failed videos give their estimate back.
          {priceTable ? null : " No price table is saved, so spending limits refuse every video until prices are added."}
        </CardDescription>
      </CardHeader>
      <CardContent className="space-y-5">
        <p className="text-sm" data-testid="team-spend">
          This month: {money(status.team.spent)} spent, {money(status.team.reserved)} reserved by running videos (estimates)
          {status.team.left !== null ? `, ${money(status.team.left)} left of ${money(status.team.monthlyLimit)}` : ""}. {status.running} of at most {status.maxRunningJobs} video
          jobs running.
        </p>
        <TeamBudgetForm monthlyLimit={status.team.monthlyLimit} maxRunningJobs={status.teamMaxRunningJobs} serverMaxRunning={status.maxRunningJobs} currency={currency} />
        {/* Long member names and the limit forms scroll inside this box on a phone, not the page. */}
        <div className="relative overflow-x-auto">
        <table className="w-full text-sm">
          <thead>
            <tr className="text-left text-xs text-muted-foreground">
              <th className="py-1 font-medium">Member</th>
              <th className="py-1 font-medium">Spent + reserved</th>
              <th className="py-1 font-medium">Monthly limit</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-border">
            {status.members.map((m) => (
              <tr key={m.userId}>
                <td className="py-2 pr-2">{m.name}</td>
                <td className="py-2 pr-2 tabular-nums">
                  {money(m.spent + m.reserved)}
                  {m.left !== null ? <span className="text-muted-foreground"> · {money(m.left)} left</span> : null}
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
