import { useTranslations } from "next-intl";
import { useCallback } from "react";

/**
 * The words of an upload's failure: a catalogue key (`upload.transfer.…`, set in the browser by
 * upload-file.ts) in the user's language, or the server's own sentence, already translated, as it is.
 */
export function useOutcomeText(): (outcome: { message: string; values?: Record<string, string | number> }) => string {
  const t = useTranslations();
  return useCallback(({ message, values }) => (t.has(message) ? t(message, values) : message), [t]);
}
