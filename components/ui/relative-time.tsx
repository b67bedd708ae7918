"use client";

import { useEffect, useState } from "react";
import { formatDateTime, formatRelativeTime } from "@/lib/format";

/** "3 minutes ago", kept up to date, with the exact time on hover. */
export function RelativeTime({ iso, className }: { iso: string; className?: string }) {
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  const exact = formatDateTime(iso);
  return (
    <time dateTime={iso} title={exact} className={className} suppressHydrationWarning>
      {now === null ? exact : formatRelativeTime(iso, now)}
    </time>
  );
}
