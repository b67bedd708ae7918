import { open } from "node:fs/promises";
import { messageKey } from "@/lib/i18n/message-key";
import type { MediaFormat } from "@/lib/media/limits";

/** A reason in English (`message`) and as a catalogue sentence (`key`, `values`). */
export type HiddenContent = { message: string; key: string; values?: Record<string, string> };

/** How much of each end of a file is searched (a ZIP's directory ends within the last 64 kB). */
const WINDOW = 66 * 1024;

/** Text that makes a file a web page or a script to whatever sniffs it. */
const MARKUP = ["<script", "<html", "<!doctype html", "<iframe", "<svg", "<body", "<object", "<embed", "<?php", "javascript:"];

const PNG_END = Buffer.from([0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]);
const ZIP_END = Buffer.from([0x50, 0x4b, 0x05, 0x06]);

/**
 * What a media file carries besides its media: web page markup near either end (a JPEG/HTML
 * polyglot), a ZIP archive appended to it (PNG/ZIP), or bytes after a PNG's end. Such a file is
 * refused: the provider and anyone who downloads it get only the picture, sound or video.
 * Returns a reason for users, or null.
 */
export async function findHiddenContent(filePath: string, format: MediaFormat): Promise<HiddenContent | null> {
  const handle = await open(filePath, "r");
  try {
    const { size } = await handle.stat();
    const headLength = Math.min(size, WINDOW);
    const head = Buffer.alloc(headLength);
    await handle.read(head, 0, headLength, 0);
    const tailLength = Math.min(size, WINDOW);
    const tail = Buffer.alloc(tailLength);
    await handle.read(tail, 0, tailLength, size - tailLength);

    for (let i = tail.lastIndexOf(ZIP_END); i >= 0; i = i > 0 ? tail.lastIndexOf(ZIP_END, i - 1) : -1) {
      // A real end-of-archive record: its comment runs exactly to the end of the file.
      if (i + 22 <= tail.length && i + 22 + tail.readUInt16LE(i + 20) === tail.length) {
        return { message: "The file has a ZIP archive hidden in it. Export the file again from an editor and upload that.", key: messageKey("limits.hiddenZip") };
      }
    }
    for (const part of [head, tail]) {
      const text = part.toString("latin1").toLowerCase();
      const found = MARKUP.find((m) => text.includes(m));
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
  } finally {
    await handle.close();
  }
}
