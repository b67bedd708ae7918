"use client";

import { AlertTriangle, RotateCw } from "lucide-react";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { startTransition, useEffect } from "react";
import { Button } from "@/components/ui/button";

/**
 * What a page that failed to render shows, inside the app's shell: what happened, the
 * reference support finds the server's log line by (the error's digest, which the server
 * logged with the path in `instrumentation.ts`), and a Retry that renders the page again.
 */
export function ErrorPanel({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("pages");
  const router = useRouter();
  useEffect(() => {
    // The browser's console keeps the reference too, for someone reporting the problem.
    console.info(`Page failed to render (reference ${error.digest ?? "none"})`);
  }, [error]);
  const retry = () =>
    startTransition(() => {
      router.refresh();
      reset();
    });
  return (
    <div role="alert" className="mx-auto flex max-w-lg flex-col items-center gap-4 py-16 text-center" data-testid="error-page">
      <AlertTriangle className="size-10 text-destructive" aria-hidden />
      <h1 className="text-2xl font-semibold tracking-tight">{t("error.heading")}</h1>
      <p className="text-muted-foreground">{t("error.body")}</p>
      {error.digest ? (
        <p className="text-sm">
          {t.rich("error.reference", {
            ref: error.digest,
            code: (chunks) => (
              <code className="rounded bg-muted px-1.5 py-0.5 font-mono" data-testid="error-reference">
                {chunks}
              </code>
            ),
          })}
        </p>
      ) : null}
      <div className="flex flex-wrap justify-center gap-2">
        <Button onClick={retry}>
          <RotateCw aria-hidden /> {t("error.retry")}
        </Button>
        <Button variant="outline" asChild>
          <Link href="/">{t("backToOverview")}</Link>
        </Button>
      </div>
    </div>
  );
}
