"use client";

import { useTranslations } from "next-intl";
import { useAction } from "@/lib/use-action";
import { useState } from "react";
import { toast } from "@/components/ui/toast";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { saveMemberBudgetAction } from "@/lib/budgets/save-member-budget.action";
import { saveTeamBudgetAction } from "@/lib/budgets/save-team-budget.action";
import { useActionMessage } from "@/lib/i18n/use-action-message";

const asText = (n: number | null) => (n === null ? "" : String(n));

/** The team's monthly spend limit and jobs-at-once limit; empty fields mean no limit of the team's own. */
export function TeamBudgetForm({ monthlyLimit, maxRunningJobs, serverMaxRunning, currency }: { monthlyLimit: number | null; maxRunningJobs: number | null; serverMaxRunning: number; currency: string }) {
  const [form, setForm] = useState({ monthlyLimit: asText(monthlyLimit), maxRunningJobs: asText(maxRunningJobs) });
  const t = useTranslations("insight");
  const message = useActionMessage();
  const { execute, result, isPending } = useAction(saveTeamBudgetAction, { onSuccess: () => toast.success(t("budgets.teamSaved")) });
  const error = result.serverError ? message.error(result, t("budgets.saveFailed")) : null;
  const monthlyLimitError = message.field(result, "monthlyLimit");
  const maxRunningError = message.field(result, "maxRunningJobs");
  return (
    <form
      className="grid grid-cols-1 gap-3 sm:grid-cols-3 sm:items-end"
      data-testid="team-budget-form"
      onSubmit={(e) => {
        e.preventDefault();
        execute(form);
      }}
    >
      <div className="space-y-1">
        <Label htmlFor="team-monthly-limit">{t("budgets.teamMonthlyLimit", { currency })}</Label>
        <Input id="team-monthly-limit" inputMode="decimal" placeholder={t("budgets.noLimitPlaceholder")} value={form.monthlyLimit} onChange={(e) => setForm({ ...form, monthlyLimit: e.target.value })} />
        {monthlyLimitError ? <p className="text-xs text-destructive">{monthlyLimitError}</p> : null}
      </div>
      <div className="space-y-1">
        <Label htmlFor="team-max-running">{t("budgets.jobsAtOnce")}</Label>
        <Input id="team-max-running" inputMode="numeric" placeholder={t("budgets.accountMaxRunning", { max: serverMaxRunning })} value={form.maxRunningJobs} onChange={(e) => setForm({ ...form, maxRunningJobs: e.target.value })} />
        {maxRunningError ? <p className="text-xs text-destructive">{maxRunningError}</p> : null}
      </div>
      <Button type="submit" disabled={isPending}>
        {isPending ? t("budgets.saving") : t("budgets.saveTeam")}
      </Button>
      {error ? <p className="text-sm text-destructive sm:col-span-3">{error}</p> : null}
    </form>
  );
}

/** One member's monthly limit: empty removes it, 0 stops them starting videos. */
export function MemberBudgetForm({ userId, name, monthlyLimit }: { userId: string; name: string; monthlyLimit: number | null }) {
  const [value, setValue] = useState(asText(monthlyLimit));
  const t = useTranslations("insight");
  const message = useActionMessage();
  const { execute, result, isPending } = useAction(saveMemberBudgetAction, { onSuccess: () => toast.success(t("budgets.memberSaved", { name })) });
  const error = result.serverError ? message.error(result, t("budgets.saveFailed")) : message.field(result, "monthlyLimit");
  return (
    <form
      className="flex items-center gap-2"
      data-testid={`member-budget-${userId}`}
      onSubmit={(e) => {
        e.preventDefault();
        execute({ userId, monthlyLimit: value });
      }}
    >
      <Input aria-label={t("budgets.memberLimitLabel", { name })} inputMode="decimal" placeholder={t("budgets.noLimitPlaceholder")} className="w-28" value={value} onChange={(e) => setValue(e.target.value)} />
      <Button type="submit" size="sm" variant="outline" disabled={isPending}>
        {t("budgets.save")}
      </Button>
      {error ? <span className="text-xs text-destructive">{error}</span> : null}
    </form>
  );
}
