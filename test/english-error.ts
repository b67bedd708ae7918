import { isAppError } from "@/lib/errors";
import { describeAppError } from "@/lib/i18n/error-message";

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
