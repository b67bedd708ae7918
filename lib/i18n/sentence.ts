import type { MessageValues } from "@/lib/errors";

/**
 * A sentence of the catalogue, kept as its whole key ("failures.privacyTitle") and the values
 * its placeholders take, and put into words where it is shown (`useSentence`, `sentenceIn`).
 * A key the catalogue lacks is shown as it is: older rows hold the sentence itself, and a
 * provider's reason we do not know is passed through as received. Browser-safe.
 */
export type Sentence = { key: string; values?: MessageValues };

export function sentence(key: string, values?: MessageValues): Sentence {
  return values ? { key, values } : { key };
}
