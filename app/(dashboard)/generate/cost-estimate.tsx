import { useTranslations } from "next-intl";
import { type estimateCost, formatMoney } from "@/lib/generation/price-table";

/** What the video will cost by the team's price table, or that no price is set for this model and resolution. */
export function CostEstimate({ cost, model, resolution, duration }: { cost: ReturnType<typeof estimateCost>; model: string; resolution: string; duration: number }) {
  const t = useTranslations("generate");
  return (
    <p className="rounded-md bg-muted p-3 text-sm" data-testid="cost-estimate">
      {cost ? (
        <>
          {t.rich("cost.estimate", { amount: formatMoney(cost.amount, cost.currency), strong: (chunks) => <strong>{chunks}</strong> })}{" "}
          <span className="text-muted-foreground">{t("cost.breakdown", { duration, rate: formatMoney(cost.ratePerSecond, cost.currency), resolution })}</span>
        </>
      ) : (
        <span className="text-muted-foreground">
          {t("cost.noPrice", { model, resolution })}
        </span>
      )}
    </p>
  );
}
