import { describe, expect, it } from "vitest";
import { oneOf, trimmedMatching, trimmedText } from "./query-readers";

describe("query readers", () => {
  it("takes one of a list exactly as written", () => {
    const read = oneOf(["grid", "list"]);
    expect(read("list")).toBe("list");
    for (const raw of ["", "List", " list", "table", "toString", "constructor"]) expect(read(raw)).toBeNull();
  });

  it("takes trimmed text of 1 to max characters", () => {
    const read = trimmedText(5);
    expect(read("  hero ")).toBe("hero");
    expect(read("12345")).toBe("12345");
    expect(read("123456")).toBeNull();
    expect(read("   ")).toBeNull();
    expect(read("")).toBeNull();
  });

  it("takes trimmed text that matches a pattern", () => {
    const read = trimmedMatching(/^[a-z]{1,3}$/);
    expect(read(" ab ")).toBe("ab");
    expect(read("abcd")).toBeNull();
    expect(read("a b")).toBeNull();
    expect(read("")).toBeNull();
  });
});
