"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { reportTimeZoneAction } from "@/lib/users/save-preferences.action";

/**
 * Tells the server the browser's time zone once, the first time a user without one opens the
 * dashboard; the page then comes back with every time in that zone. Renders nothing.
 */
export function TimeZoneReporter({ known }: { known: boolean }) {
  const router = useRouter();
  useEffect(() => {
    if (known) return;
    const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!timeZone) return;
    void reportTimeZoneAction({ timeZone }).then((result) => {
      if (!result?.serverError && !result?.validationErrors) router.refresh();
    });
  }, [known, router]);
  return null;
}
