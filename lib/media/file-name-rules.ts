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
  if (!raw.trim()) return "The file needs a name.";
  if (/[/\\]/.test(raw) || raw.split(".").every((part) => part === "")) {
    return "The file's name has a folder path in it (“/”, “\\” or “..”); upload the file under its own name.";
  }
  if (/\p{Cc}/u.test(raw)) return "The file's name has control characters in it; rename the file and upload it again.";
  if (BIDI_CONTROLS.test(raw)) {
    return "The file's name has characters that reverse the direction of text, which can disguise its type; rename the file and upload it again.";
  }
  if ([...raw].length > MAX_FILE_NAME_LENGTH) {
    return `The file's name is ${[...raw].length} characters long; it may be at most ${MAX_FILE_NAME_LENGTH}. Rename the file and upload it again.`;
  }
  return null;
}
