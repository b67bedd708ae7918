import { messageKey } from "@/lib/i18n/message-key";
import type { FileEndsOf } from "@/lib/media/file-ends";
import type { MediaFormat } from "@/lib/media/limits";

/** A reason in English (`message`) and as a catalogue sentence (`key`, `values`). */
export type HiddenContent = { message: string; key: string; values?: Record<string, string> };

/** Text that makes a file a web page or a script to whatever sniffs it. */
const MARKUP = ["<script", "<html", "<!doctype html", "<iframe", "<svg", "<body", "<object", "<embed", "<?php", "javascript:"];

const MARKUP_BYTES = MARKUP.map((m) => Buffer.from(m, "latin1"));

const PNG_END = Buffer.from([0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]);
const ZIP_END = Buffer.from([0x50, 0x4b, 0x05, 0x06]);

/**
 * What a media file carries besides its media: web page markup near either end (a JPEG/HTML
 * polyglot), a ZIP archive appended to it (PNG/ZIP), or bytes after a PNG's end. Such a file is
 * refused: the provider and anyone who downloads it get only the picture, sound or video.
 * Judged from the file's ends (`FILE_END_BYTES` of each). Returns a reason for users, or null.
 */
export function findHiddenContent(ends: FileEndsOf, format: MediaFormat): HiddenContent | null {
  const { head, tail, sizeBytes: size } = ends;
  for (let i = tail.lastIndexOf(ZIP_END); i >= 0; i = i > 0 ? tail.lastIndexOf(ZIP_END, i - 1) : -1) {
    // A real end-of-archive record: its comment runs exactly to the end of the file.
    if (i + 22 <= tail.length && i + 22 + tail.readUInt16LE(i + 20) === tail.length) {
      return { message: "The file has a ZIP archive hidden in it. Export the file again from an editor and upload that.", key: messageKey("limits.hiddenZip") };
    }
  }
  for (const part of [head, tail]) {
    const found = MARKUP.find((m, i) => includesIgnoringCase(part, MARKUP_BYTES[i]!));
    if (found) {
      return {
        message: `The file has web page code (${found}…) hidden in it. Export the file again from an editor and upload that.`,
        key: messageKey("limits.hiddenMarkup"),
        values: { found },
      };
    }
  }
  if (format === "png" && (size < PNG_END.length || !tail.subarray(tail.length - PNG_END.length).equals(PNG_END))) {
    return { message: "The PNG image has other data after its end. Export the image again from an editor and upload that.", key: messageKey("limits.pngTrailingData") };
  }
  return null;
}

/**
 * Whether `bytes` hold `marker` (lower case ASCII) with its letters in either case: what
 * `bytes.toString("latin1").toLowerCase().includes(marker)` says, without making the strings
 * (no byte outside ASCII lowercases to an ASCII letter).
 */
function includesIgnoringCase(bytes: Buffer, marker: Buffer): boolean {
  const first = marker[0]!;
  const isLetter = first >= 0x61 && first <= 0x7a;
  for (const start of isLetter ? [first, first - 0x20] : [first]) {
    for (let at = bytes.indexOf(start); at >= 0 && at + marker.length <= bytes.length; at = bytes.indexOf(start, at + 1)) {
      let k = 1;
      while (k < marker.length) {
        const byte = bytes[at + k]!;
        if ((byte >= 0x41 && byte <= 0x5a ? byte + 0x20 : byte) !== marker[k]) break;
        k++;
      }
      if (k === marker.length) return true;
    }
  }
  return false;
}
