import { afterEach, describe, expect, it, vi } from "vitest";

afterEach(() => {
  vi.resetModules();
  vi.doUnmock("@/components/upload/check-dropped-file");
});

const words = (key: string) => key;

describe("checkFileLater", () => {
  it("checks the file as checkDroppedFile does, loading it on first use", async () => {
    const { checkFileLater } = await import("./check-file-later");
    const file = new File([new Uint8Array(10)], "notes.txt", { type: "text/plain" });
    const check = await checkFileLater(file, words, "en");
    expect(check.format).toBeNull();
    expect(check.violations.map((v) => v.code)).toEqual(["FORMAT_NOT_ACCEPTED"]);
  });

  it("leaves the file to the server when the checks cannot be loaded", async () => {
    vi.doMock("@/components/upload/check-dropped-file", () => {
      throw new Error("chunk failed to load");
    });
    const { checkFileLater } = await import("./check-file-later");
    const file = new File([new Uint8Array(10)], "notes.txt", { type: "text/plain" });
    expect(await checkFileLater(file, words, "en")).toEqual({ format: null, facts: {}, violations: [] });
  });
});
