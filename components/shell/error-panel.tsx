"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { type MouseEvent, startTransition, useEffect } from "react";
import { plainButtonClasses } from "@/components/ui/button-classes";

/**
 * What a page that failed to render shows, inside the app's shell: what happened, the
 * reference support finds the server's log line by (the error's digest, which the server
 * logged with the path in `instrumentation.ts`), and a Retry that renders the page again.
 *
 * Every page loads this with its error boundaries, before any error, so it is kept light:
 * its two icons are drawn here (lucide's triangle-alert and rotate-cw), the buttons take
 * the button's classes as they are, and the way back is a plain link the router follows.
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
  // As next/link does: a plain click moves within the app, a click asking for a new tab or
  // window is the browser's.
  const goHome = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    startTransition(() => router.push("/"));
  };
  return (
    <div role="alert" className="mx-auto flex max-w-lg flex-col items-center gap-4 py-16 text-center" data-testid="error-page">
      <Icon className="size-10 text-destructive" paths={["m21.73 18-8-14a2 2 0 0 0-3.48 0l-8 14A2 2 0 0 0 4 21h16a2 2 0 0 0 1.73-3", "M12 9v4", "M12 17h.01"]} />
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
        <button type="button" className={plainButtonClasses("default")} onClick={retry}>
          <Icon paths={["M21 12a9 9 0 1 1-9-9c2.52 0 4.93 1 6.74 2.74L21 8", "M21 3v5h-5"]} /> {t("error.retry")}
        </button>
        <a href="/" className={plainButtonClasses("outline")} onClick={goHome}>
          {t("backToOverview")}
        </a>
      </div>
    </div>
  );
}

function Icon({ paths, className }: { paths: string[]; className?: string }) {
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      width="24"
      height="24"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      className={className}
      aria-hidden
    >
      {paths.map((d) => (
        <path key={d} d={d} />
      ))}
    </svg>
  );
}
