import { messageKey } from "@/lib/i18n/message-key";

/** The longest file name kept, in characters (most file systems stop at 255 bytes). */
export const MAX_FILE_NAME_LENGTH = 255;

/** Characters that reorder text on screen: `photo\u202Egnp.exe` shows as `photoexe.png`. */
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;

/**
 * Why a file's name cannot be taken as it is, or null. Browsers send a file's own name,
 * never a folder, so a `/`, `\` or `..` path, control characters (NUL included), characters
 * that reverse the text's direction, or a name past 255 characters come from something else
 * and are refused rather than quietly changed. No Node imports: the browser may use it too.
 */
export function fileNameProblem(raw: string): string | null {
  return findFileNameProblem(raw)?.message ?? null;
}

/** The same, in English (`message`) and as a catalogue sentence (`key`, `values`). */
export function findFileNameProblem(raw: string): { message: string; key: string; values?: Record<string, string> } | null {
  if (!raw.trim()) return { message: "The file needs a name.", key: messageKey("limits.fileNameMissing") };
  if (/[/\\]/.test(raw) || raw.split(".").every((part) => part === "")) {
    return {
      message: "The file's name has a folder path in it (“/”, “\\” or “..”); upload the file under its own name.",
      key: messageKey("limits.fileNameHasPath"),
    };
  }
  if (/\p{Cc}/u.test(raw)) {
    return { message: "The file's name has control characters in it; rename the file and upload it again.", key: messageKey("limits.fileNameHasControls") };
  }
  if (BIDI_CONTROLS.test(raw)) {
    return {
      message: "The file's name has characters that reverse the direction of text, which can disguise its type; rename the file and upload it again.",
      key: messageKey("limits.fileNameReversesText"),
    };
  }
  if ([...raw].length > MAX_FILE_NAME_LENGTH) {
    const length = String([...raw].length);
    return {
      message: `The file's name is ${length} characters long; it may be at most ${MAX_FILE_NAME_LENGTH}. Rename the file and upload it again.`,
      key: messageKey("limits.fileNameTooLong"),
      values: { length, max: String(MAX_FILE_NAME_LENGTH) },
    };
  }
  return null;
}
