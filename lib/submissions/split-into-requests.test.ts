import { describe, expect, it } from "vitest";
import type { AssetType } from "@/lib/generated/prisma/enums";
import { splitIntoRequests } from "@/lib/submissions/split-into-requests";

const items = (type: AssetType, count: number, name = (i: number) => `${type.toLowerCase()}-${i}`) =>
  Array.from({ length: count }, (_, i) => ({ type, name: name(i), ref: `${type}:${i}` }));

describe("splitIntoRequests", () => {
  it("splits by type and into requests of at most 20", () => {
    const requests = splitIntoRequests([...items("AUDIO", 2), ...items("IMAGE", 25), ...items("VIDEO", 1)]);
    expect(requests.map((r) => [r.assetType, r.items.length])).toEqual([
      ["IMAGE", 20],
      ["IMAGE", 5],
      ["VIDEO", 1],
      ["AUDIO", 2],
    ]);
    expect(requests[0]!.items[0]!.ref).toBe("IMAGE:0");
    expect(requests[1]!.items[0]!.ref).toBe("IMAGE:20");
  });

  it("makes 45 images into 20 + 20 + 5", () => {
    expect(splitIntoRequests(items("IMAGE", 45)).map((r) => r.items.length)).toEqual([20, 20, 5]);
  });

  it("makes exactly 20 into one request and nothing into none", () => {
    expect(splitIntoRequests(items("VIDEO", 20))).toHaveLength(1);
    expect(splitIntoRequests([])).toEqual([]);
  });

  it("keeps names unique across the whole submission, not just within a request", () => {
    const same = [...items("IMAGE", 22, () => "face"), ...items("AUDIO", 1, () => "face")];
    const names = splitIntoRequests(same).flatMap((r) => r.items.map((i) => i.name));
    expect(new Set(names).size).toBe(23);
    expect(names.slice(0, 3)).toEqual(["face", "face-2", "face-3"]);
    expect(names.at(-1)).toBe("face-23");
  });

  it("keeps the caller's fields and honours a smaller request size", () => {
    const requests = splitIntoRequests(items("IMAGE", 5), 2);
    expect(requests.map((r) => r.items.map((i) => i.ref))).toEqual([["IMAGE:0", "IMAGE:1"], ["IMAGE:2", "IMAGE:3"], ["IMAGE:4"]]);
    expect(() => splitIntoRequests(items("IMAGE", 1), 0)).toThrow(RangeError);
  });
});
