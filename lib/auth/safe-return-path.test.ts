import { describe, expect, it } from "vitest";
import { safeReturnPath } from "@/lib/auth/safe-return-path";

const origin = "https://studio.example.com";

describe("safeReturnPath", () => {
  const hostile: Array<[string, unknown]> = [
    ["protocol-relative", "//evil.example/x"],
    ["protocol-relative, three slashes", "///evil.example/x"],
    ["backslash host", "/\\evil.example"],
    ["backslash only", "\\\\evil.example"],
    ["absolute https", "https://evil.example"],
    ["absolute http", "http://evil.example/path"],
    ["scheme-relative with credentials", "//user:pass@evil.example"],
    ["javascript:", "javascript:alert(1)"],
    ["javascript: mixed case", "JaVaScRiPt:alert(1)"],
    ["data:", "data:text/html,<script>alert(1)</script>"],
    ["encoded double slash", "%2F%2Fevil.example"],
    ["path then encoded slash", "/%2F%2Fevil.example"],
    ["path then encoded backslash", "/%5Cevil.example"],
    ["double-encoded slash", "/%252F%252Fevil.example"],
    ["encoded javascript", "javascript%3Aalert(1)"],
    ["tab inside //", "/\t/evil.example"],
    ["newline inside //", "/\n/evil.example"],
    ["carriage return", "/\r/evil.example"],
    ["leading space", " //evil.example"],
    ["leading NUL", "\u0000//evil.example"],
    ["encoded tab", "/%09/evil.example"],
    ["encoded newline (header splitting)", "/x%0d%0aSet-Cookie:a=b"],
    ["NBSP", "/\u00a0/evil.example"],
    ["malformed escape", "/%E0%A4%A"],
    ["bare host", "evil.example"],
    ["empty", ""],
    ["undefined", undefined],
    ["null", null],
    ["number", 42],
    ["object", { href: "/x" }],
    ["array of hostile", ["//evil.example", "/ok"]],
    ["very long", `/${"a".repeat(3000)}`],
  ];

  it.each(hostile)("%s becomes /", (_name, value) => {
    expect(safeReturnPath(value, origin)).toBe("/");
  });

  const kept: Array<[string, string]> = [
    ["/", "/"],
    ["/jobs", "/jobs"],
    ["/gallery?tab=failed&q=red%20hat", "/gallery?tab=failed&q=red%20hat"],
    ["/jobs/abc#frame", "/jobs/abc#frame"],
    ["/review?x=http://elsewhere", "/review?x=http://elsewhere"],
  ];

  it.each(kept)("%s stays a path on our origin", (value, expected) => {
    expect(safeReturnPath(value, origin)).toBe(expected);
  });

  it("takes the first of a repeated parameter", () => {
    expect(safeReturnPath(["/jobs", "//evil.example"], origin)).toBe("/jobs");
  });

  it("works without an origin given", () => {
    expect(safeReturnPath("/jobs")).toBe("/jobs");
    expect(safeReturnPath("//evil.example")).toBe("/");
  });
});
