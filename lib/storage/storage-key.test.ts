import { describe, expect, it } from "vitest";
import { isValidStorageKey, newStorageKey, randomKeySegment, sanitiseFileName } from "@/lib/storage/storage-key";

describe("storage keys", () => {
  it("makes unguessable team-scoped keys that pass validation", () => {
    const key = newStorageKey("team_1", "My Photo (1).PNG");
    expect(key).toMatch(/^t\/team_1\/[a-z2-7]{26}\/My-Photo-1\.png$/);
    expect(isValidStorageKey(key)).toBe(true);
    expect(newStorageKey("team_1", "a.png")).not.toBe(newStorageKey("team_1", "a.png"));
  });

  it("uses 128 random bits in base32", () => {
    const seen = new Set(Array.from({ length: 1000 }, randomKeySegment));
    expect(seen.size).toBe(1000);
    for (const segment of seen) expect(segment).toMatch(/^[a-z2-7]{26}$/);
  });

  it("refuses team ids that could escape their folder", () => {
    expect(() => newStorageKey("../x", "a.png")).toThrow();
    expect(() => newStorageKey("", "a.png")).toThrow();
    expect(() => newStorageKey("a/b", "a.png")).toThrow();
  });

  it("sanitises file names", () => {
    expect(sanitiseFileName("Crème brûlée.jpeg")).toBe("Creme-brulee.jpeg");
    expect(sanitiseFileName("../../etc/passwd")).toBe("passwd");
    expect(sanitiseFileName("C:\\Users\\me\\avatar.webp")).toBe("avatar.webp");
    expect(sanitiseFileName("头像.png")).toBe("file.png");
    expect(sanitiseFileName(".hidden")).toBe("hidden");
    expect(sanitiseFileName("a..b...png")).toBe("a.b.png");
    expect(sanitiseFileName("")).toBe("file");
    expect(sanitiseFileName("noext")).toBe("noext");
    expect(sanitiseFileName("photo.PNG", "jpg")).toBe("photo.jpg");
    expect(sanitiseFileName(`${"x".repeat(300)}.mp4`)).toBe(`${"x".repeat(80)}.mp4`);
    for (const name of ["..", "...", "-.-", "a/../../b", "%2e%2e", "\u0000.png", " .png", "con.png"]) {
      expect(isValidStorageKey(`t/team/abc/${sanitiseFileName(name)}`)).toBe(true);
    }
  });

  it("validates keys strictly", () => {
    expect(isValidStorageKey("t/team/abc/file.png")).toBe(true);
    expect(isValidStorageKey("v/team/abc/video.mp4")).toBe(true);
    for (const bad of [
      "",
      "file.png",
      "/t/team/abc/file.png",
      "t/team/abc/",
      "t//abc/file.png",
      "t/team/../file.png",
      "t/team/abc/..",
      "t/team/abc/a..png",
      "t\\team\\abc\\file.png",
      "t/team/abc/file name.png",
      "t/team/abc/.hidden",
      "t/team/abc/-x",
      "t/team/abc/fi%2Fle.png",
      "t/team/abc/file.png\u0000",
      "t/tëam/abc/file.png",
      ".staging/x.part",
      "a/b/c/d/e/f/g/h/i",
      `t/${"x".repeat(129)}`,
      "C:/x/y",
    ]) {
      expect(isValidStorageKey(bad), bad).toBe(false);
    }
  });
});
