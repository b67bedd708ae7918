import { BudgetsCard } from "@/components/insight/budgets-card";
import { UsageCard } from "@/components/insight/usage-card";

/** The Settings page's usage and budget sections. */
export function InsightSettings({ teamId }: { teamId: string }) {
  return (
    <>
      <UsageCard teamId={teamId} />
      <BudgetsCard teamId={teamId} />
    </>
  );
}
