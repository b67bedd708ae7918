import { type estimateCost, formatMoney } from "@/lib/generation/price-table";

/** What the video will cost by the team's price table, or that no price is set for this model and resolution. */
export function CostEstimate({ cost, model, resolution, duration }: { cost: ReturnType<typeof estimateCost>; model: string; resolution: string; duration: number }) {
  return (
    <p className="rounded-md bg-muted p-3 text-sm" data-testid="cost-estimate">
      {cost ? (
        <>
          Estimated cost: <strong>{formatMoney(cost.amount, cost.currency)}</strong>{" "}
          <span className="text-muted-foreground">
            ({duration} s × {formatMoney(cost.ratePerSecond, cost.currency)}/s at {resolution})
          </span>
        </>
      ) : (
        <span className="text-muted-foreground">
          No price is set for {model} at {resolution}.
        </span>
      )}
    </p>
  );
}
