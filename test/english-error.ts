import { isAppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { describeAppError } from "@/lib/i18n/error-message";
import { describeStored } from "@/lib/i18n/sentence-in";
import { storedSentence } from "@/lib/i18n/stored-sentence";

/**
 * The English sentence a person reads for the AppError `work` fails with (an AppError carries
 * a catalogue key; the boundaries put it into words). Fails the test when `work` succeeds.
 */
export async function englishError(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (error) {
    if (isAppError(error)) return describeAppError(error, "en");
    throw error;
  }
  throw new Error("expected the work to fail with an AppError");
}

/** The English words of a row's stored failure (`error` and `errorValues`), as a page shows them. */
export async function englishStored(row: { error: string | null; errorValues?: Prisma.JsonValue | null }): Promise<string | null> {
  const stored = storedSentence(row);
  return stored ? describeStored(stored, "en") : null;
}
