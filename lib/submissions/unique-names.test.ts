import { describe, expect, it } from "vitest";
import { cleanAssetName, nameFromFileName, nameFromUrl, proposeUniqueNames, uniqueName } from "@/lib/submissions/unique-names";

describe("asset names", () => {
  it("takes a name from a file name without its extension", () => {
    expect(nameFromFileName("Team Photo.png")).toBe("Team Photo");
    expect(nameFromFileName("a.b.final.webp")).toBe("a.b.final");
    expect(nameFromFileName(".hidden")).toBe(".hidden");
    expect(nameFromFileName("C:\\pics\\face.jpg")).toBe("face");
    expect(nameFromFileName("   .png")).toBe("asset");
  });

  it("takes a name from a URL's last segment", () => {
    expect(nameFromUrl("https://cdn.example.com/a/b/face%20one.png?v=2")).toBe("face one");
    expect(nameFromUrl("https://cdn.example.com/")).toBe("asset");
    expect(nameFromUrl("not a url")).toBe("asset");
  });

  it("cleans whitespace and control characters and keeps 255 characters", () => {
    expect(cleanAssetName("  a\tb\n c  ")).toBe("a b c");
    expect(cleanAssetName("x".repeat(300))).toHaveLength(255);
  });

  it("proposes name-2, name-3 … for taken names", () => {
    expect(uniqueName("face", new Set())).toBe("face");
    expect(uniqueName("face", new Set(["face"]))).toBe("face-2");
    expect(uniqueName("face", new Set(["face", "face-2"]))).toBe("face-3");
    expect(proposeUniqueNames(["a", "a", "b", "a"])).toEqual(["a", "a-2", "b", "a-3"]);
    expect(proposeUniqueNames(["a"], ["a", "a-2"])).toEqual(["a-3"]);
  });

  it("stays within 255 characters when a suffix is added", () => {
    const long = "y".repeat(255);
    const second = uniqueName(long, new Set([long]));
    expect(second).toHaveLength(255);
    expect(second.endsWith("-2")).toBe(true);
    const names = proposeUniqueNames(Array.from({ length: 12 }, () => long));
    expect(new Set(names).size).toBe(12);
    expect(names.every((n) => n.length <= 255)).toBe(true);
    expect(names[11]!.endsWith("-12")).toBe(true);
  });
});
