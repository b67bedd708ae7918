import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { findHiddenContent } from "@/lib/media/find-hidden-content";
import { makePng } from "@/lib/media/test-media";

const MARKUP = ["<script", "<html", "<!doctype html", "<iframe", "<svg", "<body", "<object", "<embed", "<?php", "javascript:"];
const endsOf = (bytes: Buffer) => ({ sizeBytes: bytes.length, head: bytes.subarray(0, 66 * 1024), tail: bytes.subarray(Math.max(0, bytes.length - 66 * 1024)) });
const found = (bytes: Buffer) => findHiddenContent(endsOf(bytes), "jpeg")?.values?.found ?? null;
/** What the check has always meant: the first marker, in list order, in the Latin-1 text of either end, in lower case. */
const byStrings = (bytes: Buffer) => {
  const { head, tail } = endsOf(bytes);
  for (const part of [head, tail]) {
    const text = part.toString("latin1").toLowerCase();
    const hit = MARKUP.find((m) => text.includes(m));
    if (hit) return hit;
  }
  return null;
};

describe("findHiddenContent", () => {
  it("finds web page markup in any case at either end, as the Latin-1 lower-case text would", () => {
    expect(found(Buffer.concat([randomBytes(200_000), Buffer.from("<ScRiPt>")]))).toBe("<script");
    expect(found(Buffer.concat([Buffer.from("xx<!DOCTYPE HTML>"), randomBytes(200_000)]))).toBe("<!doctype html");
    expect(found(Buffer.from("JavaScript:alert(1)"))).toBe("javascript:");
    // Markup in the middle of a large file is out of reach, as before.
    expect(found(Buffer.concat([Buffer.alloc(100_000), Buffer.from("<html>"), Buffer.alloc(100_000)]))).toBeNull();
    // Bytes beyond ASCII never stand in for letters (À lowercases to à, not to a).
    expect(found(Buffer.from("<\u00c0\u00e0html <SVG", "latin1"))).toBe("<svg");
    const noisy = [0x3c, 0x4a, 0x6a, 0x53, 0x73, 0xc0, 0xe0, 0x3f, 0x21, 0x3a];
    for (let n = 0; n < 3000; n++) {
      const bytes = randomBytes(300);
      for (let i = 0; i < bytes.length; i++) if (Math.random() < 0.2) bytes[i] = noisy[Math.floor(Math.random() * noisy.length)]!;
      if (n % 2 === 0) {
        const marker = [...MARKUP[n % MARKUP.length]!].map((c) => (Math.random() < 0.5 ? c.toUpperCase() : c)).join("");
        bytes.write(marker, Math.floor(Math.random() * (bytes.length - marker.length)), "latin1");
      }
      expect(found(bytes)).toBe(byStrings(bytes));
    }
  });

  it("finds an appended ZIP and data after a PNG's end; a plain PNG has nothing", () => {
    const png = makePng(400, 400, 1);
    expect(findHiddenContent(endsOf(png), "png")).toBeNull();
    expect(findHiddenContent(endsOf(Buffer.concat([png, Buffer.from("extra")])), "png")?.key).toBe("limits.pngTrailingData");
    const zipEnd = Buffer.alloc(22);
    zipEnd.writeUInt32LE(0x06054b50, 0);
    expect(findHiddenContent(endsOf(Buffer.concat([png, zipEnd])), "png")?.key).toBe("limits.hiddenZip");
  });
});
