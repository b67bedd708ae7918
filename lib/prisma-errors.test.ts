import { describe, expect, it } from "vitest";
import { isSerializationFailure, isUniqueViolation } from "@/lib/prisma-errors";

describe("Prisma error codes", () => {
  it("tells a unique violation from a serialization failure, and both from anything else", () => {
    expect(isUniqueViolation({ code: "P2002" })).toBe(true);
    expect(isUniqueViolation({ code: "P2034" })).toBe(false);
    expect(isSerializationFailure({ code: "P2034" })).toBe(true);
    expect(isSerializationFailure(new Error("P2034"))).toBe(false);
    for (const odd of [null, undefined, "P2002", 42]) {
      expect(isUniqueViolation(odd)).toBe(false);
      expect(isSerializationFailure(odd)).toBe(false);
    }
  });
});
