"use client";

import { ErrorPanel } from "@/components/shell/error-panel";

/** A failure outside the dashboard's pages (its layout, sign-in): the same panel, without the shell. */
export default function RootError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="min-h-dvh p-6">
      <ErrorPanel error={error} reset={reset} />
    </main>
  );
}
