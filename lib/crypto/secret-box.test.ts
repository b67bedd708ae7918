import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decryptSecret, encryptSecret } from "@/lib/crypto/secret-box";

const key = randomBytes(32).toString("base64");

describe("secret box", () => {
  it("round-trips and never stores the plain text", () => {
    const stored = encryptSecret("sk-live-123456", key);
    expect(stored).not.toContain("sk-live");
    expect(decryptSecret(stored, key)).toBe("sk-live-123456");
  });

  it("uses a fresh IV each time", () => {
    expect(encryptSecret("same", key)).not.toBe(encryptSecret("same", key));
  });

  it("detects tampering and a wrong key", () => {
    const stored = encryptSecret("secret", key);
    const parts = stored.split(".");
    parts[3] = Buffer.from("other!").toString("base64url");
    expect(() => decryptSecret(parts.join("."), key)).toThrow();
    expect(() => decryptSecret(stored, randomBytes(32).toString("hex"))).toThrow();
  });
});
