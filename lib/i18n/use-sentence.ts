import { useTranslations } from "next-intl";
import { useCallback } from "react";
import type { Sentence } from "@/lib/i18n/sentence";

/**
 * Puts a stored or computed `Sentence` into the user's words (components, and non-async server
 * components). A key the catalogue lacks is shown as it is.
 */
export function useSentence() {
  const t = useTranslations();
  return useCallback((s: Sentence): string => (t.has(s.key) ? t(s.key, s.values) : s.key), [t]);
}
