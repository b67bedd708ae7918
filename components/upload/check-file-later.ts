import type { CheckWords, FileCheck } from "@/components/upload/check-dropped-file";

/**
 * `checkDroppedFile` (check-dropped-file.ts) with its limit rules and media readers loaded
 * with the first file rather than with the page. If they cannot be loaded (the connection
 * dropped), the file is left to the server, which checks every file again from its bytes.
 */
export function checkFileLater(file: File, t: CheckWords, locale: string): Promise<FileCheck> {
  return import("@/components/upload/check-dropped-file").then(
    ({ checkDroppedFile }) => checkDroppedFile(file, t, locale),
    (): FileCheck => ({ format: null, facts: {}, violations: [] }),
  );
}
