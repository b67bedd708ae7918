"use client";

import { useTranslations } from "next-intl";
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatMoney } from "@/lib/generation/price-table";
import { useFormat } from "@/lib/i18n/use-format";
import type { OverviewDay } from "@/lib/insight/load-overview";

/** Charts of the Overview, drawn in the browser only (loaded lazily by overview-charts-lazy.tsx). */

const axis = { fontSize: 12, fill: "var(--muted-foreground)" };
const tooltipStyle = { contentStyle: { background: "var(--card)", border: "1px solid var(--border)", borderRadius: 6, fontSize: 12 }, labelStyle: { color: "var(--foreground)" } };

export function ReviewChart({ days }: { days: OverviewDay[] }) {
  const t = useTranslations("insight");
  const format = useFormat();
  const data = days.map((d) => ({ ...d, rate: d.approvalRate == null ? null : Math.round(d.approvalRate * 1000) / 10 }));
  return (
    <div className="h-64 w-full" data-testid="review-chart">
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
          <CartesianGrid stroke="var(--border)" vertical={false} />
          <XAxis dataKey="day" tickFormatter={(day: string) => format.dayMonth(`${day}T12:00:00Z`)} tick={axis} minTickGap={16} />
          <YAxis yAxisId="count" allowDecimals={false} tick={axis} />
          <YAxis yAxisId="rate" orientation="right" domain={[0, 100]} tickFormatter={(value: number) => format.percent(value / 100)} tick={axis} />
          <Tooltip
            {...tooltipStyle}
            labelFormatter={(day) => format.dayMonth(`${String(day)}T12:00:00Z`)}
            formatter={(value, name, item) => (item.dataKey === "rate" ? [format.percent(Number(value) / 100), name] : [format.number(Number(value)), name])}
          />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar yAxisId="count" dataKey="submitted" name={t("charts.submitted")} fill="var(--primary)" radius={[2, 2, 0, 0]} />
          <Bar yAxisId="count" dataKey="approved" name={t("charts.approved")} fill="var(--success)" radius={[2, 2, 0, 0]} />
          <Bar yAxisId="count" dataKey="failed" name={t("charts.failed")} fill="var(--destructive)" radius={[2, 2, 0, 0]} />
          <Line yAxisId="rate" dataKey="rate" name={t("charts.approvalRate")} stroke="var(--warning)" strokeWidth={2} dot={false} connectNulls />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}

export function JobsChart({ days, currency }: { days: OverviewDay[]; currency: string | null }) {
  const t = useTranslations("insight");
  const format = useFormat();
  return (
    <div className="h-56 w-full" data-testid="jobs-chart">
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={days} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
          <CartesianGrid stroke="var(--border)" vertical={false} />
          <XAxis dataKey="day" tickFormatter={(day: string) => format.dayMonth(`${day}T12:00:00Z`)} tick={axis} minTickGap={16} />
          <YAxis yAxisId="jobs" allowDecimals={false} tick={axis} />
          {currency ? <YAxis yAxisId="spend" orientation="right" tickFormatter={(value: number) => format.number(value)} tick={axis} /> : null}
          <Tooltip
            {...tooltipStyle}
            labelFormatter={(day) => format.dayMonth(`${String(day)}T12:00:00Z`)}
            formatter={(value, name, item) => (item.dataKey === "spend" && currency ? [formatMoney(Number(value), currency), name] : [format.number(Number(value)), name])}
          />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar yAxisId="jobs" dataKey="jobs" name={t("charts.videoJobs")} fill="var(--primary)" radius={[2, 2, 0, 0]} />
          {currency ? <Line yAxisId="spend" dataKey="spend" name={t("charts.estimatedSpend")} stroke="var(--warning)" strokeWidth={2} dot={false} /> : null}
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
