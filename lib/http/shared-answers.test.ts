import { describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));
const { sharedAnswer } = await import("@/lib/http/shared-answers");

describe("sharedAnswer", () => {
  it("computes one answer for the asks that share a key, at once or later", async () => {
    const make = vi.fn(async () => ({ items: [1, 2] }));
    const answers = await Promise.all(Array.from({ length: 50 }, () => sharedAnswer("team-a\nv1\nview", make)));
    expect(new Set(answers)).toEqual(new Set(['{"items":[1,2]}']));
    expect(await sharedAnswer("team-a\nv1\nview", make)).toBe('{"items":[1,2]}');
    expect(make).toHaveBeenCalledTimes(1);
  });

  it("computes again under another key (a new version, another view, another team)", async () => {
    let n = 0;
    const make = async () => ({ n: ++n });
    expect(await sharedAnswer("team-b\nv1\nview", make)).toBe('{"n":1}');
    expect(await sharedAnswer("team-b\nv2\nview", make)).toBe('{"n":2}');
    expect(await sharedAnswer("team-b\nv2\nother", make)).toBe('{"n":3}');
    expect(await sharedAnswer("team-c\nv2\nview", make)).toBe('{"n":4}');
  });

  it("keeps no failure: the next ask computes again", async () => {
    await expect(sharedAnswer("team-d\nv1\nview", async () => Promise.reject(new Error("database went away")))).rejects.toThrow("database went away");
    expect(await sharedAnswer("team-d\nv1\nview", async () => ({ ok: true }))).toBe('{"ok":true}');
  });

  it("keeps a bounded number of answers, the least recently used leaving first", async () => {
    const make = vi.fn(async () => ({}));
    await sharedAnswer("team-e\nfirst", make);
    for (let i = 0; i < 250; i++) await sharedAnswer(`team-e\nfill-${i}`, async () => ({ i }));
    await sharedAnswer("team-e\nfirst", make);
    expect(make).toHaveBeenCalledTimes(2);
  });
});
