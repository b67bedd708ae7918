import { describe, expect, it } from "vitest";
import { hashPassword, verifyAgainstDummy, verifyPassword } from "@/lib/auth/password";

describe("password hashing", () => {
  it("verifies the right password and refuses a wrong one", async () => {
    const stored = await hashPassword("avatar-demo");
    expect(stored).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(await verifyPassword("avatar-demo", stored)).toBe(true);
    expect(await verifyPassword("avatar-demo ", stored)).toBe(false);
  });

  it("salts every hash", async () => {
    expect(await hashPassword("same")).not.toBe(await hashPassword("same"));
  });

  it("refuses a malformed stored value", async () => {
    expect(await verifyPassword("x", "plain-text")).toBe(false);
  });

  it("the stand-in check for unknown emails refuses every password", async () => {
    expect(await verifyAgainstDummy("avatar-demo")).toBe(false);
    expect(await verifyAgainstDummy("")).toBe(false);
  });
});
