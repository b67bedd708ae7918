"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { usePathname, useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { toast } from "@/components/ui/toast";
import { getJson, notifyInBrowser, watchInterval } from "@/components/generation/watch-interval";
import { useFormat } from "@/lib/i18n/use-format";
import type { ReviewWatch } from "@/lib/submissions/watch-reviews";

/**
 * Announces the signed-in user's reviews as they finish, whatever page is open: a toast, and
 * a browser notification when allowed. Each read asks for the reviews that finished since the
 * previous one, so nothing is missed between reads and nothing older than the page is news.
 * It reads again on every navigation (a submit usually comes just before one). The Gallery
 * announces the same review under the same toast id, so it shows once.
 */
export function ReviewFinishWatcher() {
  const t = useTranslations("notifications");
  const format = useFormat();
  const router = useRouter();
  const pathname = usePathname();
  const since = useRef<string | null>(null);
  const query = useQuery({
    queryKey: ["submissions", "watch"],
    queryFn: async () => {
      const answer = await getJson<ReviewWatch>(`/api/submissions/watch${since.current ? `?since=${encodeURIComponent(since.current)}` : ""}`);
      since.current = answer.now;
      return answer;
    },
    refetchInterval: (q) => watchInterval((q.state.data?.running ?? 0) > 0),
    refetchIntervalInBackground: true,
    retry: false,
    staleTime: 0,
  });
  const { refetch } = query;

  useEffect(() => {
    if (since.current) void refetch();
  }, [pathname, refetch]);

  useEffect(() => {
    for (const r of query.data?.ended ?? []) {
      // The same words and toast id as the Gallery's own notice, so either may show it.
      const title = t("review.finished", { group: r.groupName, counts: format.reviewCounts(r.approved, r.failed) });
      const open = () => router.push(r.failed > 0 ? "/gallery?tab=failed" : "/gallery?tab=approved");
      const options = { id: `review-${r.id}`, action: { label: t("open"), onClick: open } };
      if (r.failed > 0) toast.warning(title, options);
      else toast.success(title, options);
      notifyInBrowser(r.failed > 0 ? t("review.finishedWithFailures") : t("review.finishedOk"), title, `review-${r.id}`, open);
    }
  }, [query.data, router, t, format]);

  return null;
}
