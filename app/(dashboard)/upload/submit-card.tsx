"use client";

import { ArrowRight, CheckCircle2, Loader2, Send } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { countWords } from "@/lib/format";
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
  return (
    <Card>
      <CardHeader>
        <CardTitle>Submit for review</CardTitle>
        <CardDescription>One request per type, 20 assets at most in each.</CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        {plan.length > 0 ? (
          <ul className="flex flex-col gap-1 text-sm" data-testid="request-plan">
            {plan.map((r, i) => (
              <li key={i} className="flex items-center justify-between gap-2">
                <span className="text-muted-foreground">Request {i + 1}</span>
                <span className="font-medium">{countWords(r.items.length, r.assetType)}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-muted-foreground">Nothing ready yet.</p>
        )}
        {leftOut.refused > 0 || leftOut.reused > 0 || leftOut.repeated > 0 ? (
          <p className="text-xs text-muted-foreground">
            Left out: {[leftOut.refused > 0 && `${leftOut.refused} refused`, leftOut.reused > 0 && `${leftOut.reused} already approved`, leftOut.repeated > 0 && `${leftOut.repeated} repeated`].filter(Boolean).join(", ")}.
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
          {busy ? "Submitting…" : "Submit for review"}
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
  const assets = result.submissions.reduce((n, s) => n + s.assetCount, 0);
  const notSent = result.submissions.filter((s) => s.state !== "SENT").length;
  return (
    <div className="flex flex-col gap-2 rounded-md border border-success/30 bg-success/5 p-3 text-sm" data-testid="submitted-note">
      <p className="flex items-start gap-2">
        <CheckCircle2 className="mt-0.5 size-4 shrink-0 text-success" aria-hidden />
        <span>
          {assets} {assets === 1 ? "asset" : "assets"} submitted to “{result.groupName}” in {result.submissions.length}{" "}
          {result.submissions.length === 1 ? "request" : "requests"}.
          {notSent > 0 ? <span className="text-destructive"> {notSent} did not reach the provider yet: see below.</span> : null}
        </span>
      </p>
      <Link href="/gallery" className="inline-flex items-center gap-1 font-medium text-primary hover:underline">
        Follow the review in the gallery <ArrowRight className="size-4" aria-hidden />
      </Link>
    </div>
  );
}

