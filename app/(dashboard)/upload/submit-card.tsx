"use client";

import { ArrowRight } from "@/components/icons/arrow-right";
import { CheckCircle2 } from "@/components/icons/check-circle-2";
import { Loader2 } from "@/components/icons/loader-2";
import { Send } from "@/components/icons/send";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { useFormat } from "@/lib/i18n/use-format";
import type { splitIntoRequests } from "@/lib/submissions/split-into-requests";
import type { SubmitAssetsResult } from "@/lib/submissions/submit-assets";

/** What will be sent (one request per type, at most 20 each), what is left out and why, and the submit button. */
export function SubmitCard({
  plan,
  leftOut,
  error,
  busy,
  blockedBecause,
  lastResult,
  onSubmit,
}: {
  plan: ReturnType<typeof splitIntoRequests>;
  leftOut: { refused: number; reused: number; repeated: number };
  error: string | null;
  busy: boolean;
  blockedBecause: string | null;
  lastResult: SubmitAssetsResult | null;
  onSubmit: () => void;
}) {
  const t = useTranslations("upload");
  const format = useFormat();
  const left = [
    leftOut.refused > 0 && t("submit.leftOutRefused", { count: leftOut.refused }),
    leftOut.reused > 0 && t("submit.leftOutReused", { count: leftOut.reused }),
    leftOut.repeated > 0 && t("submit.leftOutRepeated", { count: leftOut.repeated }),
  ].filter(Boolean);
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("submit.title")}</CardTitle>
        <CardDescription>{t("submit.description")}</CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        {plan.length > 0 ? (
          <ul className="flex flex-col gap-1 text-sm" data-testid="request-plan">
            {plan.map((r, i) => (
              <li key={i} className="flex items-center justify-between gap-2">
                <span className="text-muted-foreground">{t("submit.request", { number: i + 1 })}</span>
                <span className="font-medium">{format.count(r.items.length, r.assetType)}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-muted-foreground">{t("submit.nothingReady")}</p>
        )}
        {leftOut.refused > 0 || leftOut.reused > 0 || leftOut.repeated > 0 ? (
          <p className="text-xs text-muted-foreground">
            {t("submit.leftOut", { list: left.join(t("submit.listSeparator")) })}
          </p>
        ) : null}
        {error ? (
          <p id="submit-error" role="alert" className="rounded-md bg-destructive/10 p-2.5 text-sm text-destructive">
            {error}
          </p>
        ) : null}
        <Button
          size="lg"
          onClick={onSubmit}
          disabled={!!blockedBecause || busy}
          aria-describedby={[error ? "submit-error" : "", blockedBecause && !busy ? "submit-blocked" : ""].filter(Boolean).join(" ") || undefined}
        >
          {busy ? <Loader2 className="animate-spin" /> : <Send />}
          {busy ? t("submit.submitting") : t("submit.title")}
        </Button>
        {blockedBecause && !busy ? (
          <p id="submit-blocked" className="text-xs text-muted-foreground">
            {blockedBecause}
          </p>
        ) : null}
        {lastResult ? <SubmittedNote result={lastResult} /> : null}
      </CardContent>
    </Card>
  );
}

function SubmittedNote({ result }: { result: SubmitAssetsResult }) {
  const t = useTranslations("upload");
  const assets = result.submissions.reduce((n, s) => n + s.assetCount, 0);
  const notSent = result.submissions.filter((s) => s.state !== "SENT").length;
  return (
    <div className="flex flex-col gap-2 rounded-md border border-success/30 bg-success/5 p-3 text-sm" data-testid="submitted-note">
      <p className="flex items-start gap-2">
        <CheckCircle2 className="mt-0.5 size-4 shrink-0 text-success" aria-hidden />
        <span>
          {t("submit.done", { assets, group: result.groupName, requests: result.submissions.length })}
          {notSent > 0 ? <span className="text-destructive"> {t("submit.notSent", { count: notSent })}</span> : null}
        </span>
      </p>
      <Link href="/gallery" className="inline-flex items-center gap-1 font-medium text-primary hover:underline">
        {t("submit.follow")} <ArrowRight className="size-4" aria-hidden />
      </Link>
    </div>
  );
}

