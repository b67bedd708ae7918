"use client";

import { useAction } from "next-safe-action/hooks";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { actionErrorMessage, fieldError } from "@/lib/action-message";
import { saveMemberBudgetAction } from "@/lib/budgets/save-member-budget.action";
import { saveTeamBudgetAction } from "@/lib/budgets/save-team-budget.action";

const asText = (n: number | null) => (n === null ? "" : String(n));

/** The team's monthly spend limit and jobs-at-once limit; empty fields mean no limit of the team's own. */
export function TeamBudgetForm({ monthlyLimit, maxRunningJobs, serverMaxRunning, currency }: { monthlyLimit: number | null; maxRunningJobs: number | null; serverMaxRunning: number; currency: string }) {
  const [form, setForm] = useState({ monthlyLimit: asText(monthlyLimit), maxRunningJobs: asText(maxRunningJobs) });
  const { execute, result, isPending } = useAction(saveTeamBudgetAction, { onSuccess: () => toast.success("Team budget saved") });
  const error = result.serverError ? actionErrorMessage(result, "The budget could not be saved.") : null;
  return (
    <form
      className="grid gap-3 sm:grid-cols-3 sm:items-end"
      data-testid="team-budget-form"
      onSubmit={(e) => {
        e.preventDefault();
        execute(form);
      }}
    >
      <div className="space-y-1">
        <Label htmlFor="team-monthly-limit">Team monthly limit ({currency})</Label>
        <Input id="team-monthly-limit" inputMode="decimal" placeholder="No limit" value={form.monthlyLimit} onChange={(e) => setForm({ ...form, monthlyLimit: e.target.value })} />
        {fieldError(result, "monthlyLimit") ? <p className="text-xs text-destructive">{fieldError(result, "monthlyLimit")}</p> : null}
      </div>
      <div className="space-y-1">
        <Label htmlFor="team-max-running">Video jobs at once</Label>
        <Input id="team-max-running" inputMode="numeric" placeholder={`${serverMaxRunning} (the account's)`} value={form.maxRunningJobs} onChange={(e) => setForm({ ...form, maxRunningJobs: e.target.value })} />
        {fieldError(result, "maxRunningJobs") ? <p className="text-xs text-destructive">{fieldError(result, "maxRunningJobs")}</p> : null}
      </div>
      <Button type="submit" disabled={isPending}>
        {isPending ? "Saving…" : "Save team budget"}
      </Button>
      {error ? <p className="text-sm text-destructive sm:col-span-3">{error}</p> : null}
    </form>
  );
}

/** One member's monthly limit: empty removes it, 0 stops them starting videos. */
export function MemberBudgetForm({ userId, name, monthlyLimit }: { userId: string; name: string; monthlyLimit: number | null }) {
  const [value, setValue] = useState(asText(monthlyLimit));
  const { execute, result, isPending } = useAction(saveMemberBudgetAction, { onSuccess: () => toast.success(`Budget of ${name} saved`) });
  const error = result.serverError ? actionErrorMessage(result, "The budget could not be saved.") : fieldError(result, "monthlyLimit");
  return (
    <form
      className="flex items-center gap-2"
      data-testid={`member-budget-${userId}`}
      onSubmit={(e) => {
        e.preventDefault();
        execute({ userId, monthlyLimit: value });
      }}
    >
      <Input aria-label={`Monthly limit of ${name}`} inputMode="decimal" placeholder="No limit" className="w-28" value={value} onChange={(e) => setValue(e.target.value)} />
      <Button type="submit" size="sm" variant="outline" disabled={isPending}>
        Save
      </Button>
      {error ? <span className="text-xs text-destructive">{error}</span> : null}
    </form>
  );
}
