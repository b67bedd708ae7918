"use client";

import { useFormat } from "@/lib/i18n/use-format";

/** "3 minutes ago" in the user's language, kept up to date, with the exact time (in their zone) on hover. */
export function RelativeTime({ iso, className }: { iso: string; className?: string }) {
  const format = useFormat();
  return (
    <time dateTime={iso} title={format.dateTime(iso)} className={className} suppressHydrationWarning>
      {format.relative(iso)}
    </time>
  );
}
