import { useTranslations } from "next-intl";
import { actionErrorMessage, fieldError, type ActionFailure } from "@/lib/action-message";

/**
 * What a form says when its action fails, in the user's language. A server error arrives
 * already translated (lib/safe-action.ts); a validation message is a catalogue key
 * (written with `messageKey` in the schema), translated here.
 */
export function useActionMessage() {
  const t = useTranslations();
  const translate = (message: string | undefined) => (message && t.has(message) ? t(message) : message);
  return {
    /** The failure's message, else `fallback`. */
    error: (result: ActionFailure, fallback: string): string => translate(actionErrorMessage(result)) ?? fallback,
    /** The message for one field, if it has one. */
    field: (result: ActionFailure, field: string): string | undefined => translate(fieldError(result, field)),
  };
}
