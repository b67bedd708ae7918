import { describe, expect, it } from "vitest";
import { csvCell, csvRow } from "@/lib/insight/csv";

describe("csv", () => {
  it("quotes every cell and doubles quotes", () => {
    expect(csvRow(["a", 'say "hi"', null, 3])).toBe('"a","say ""hi""","","3"\r\n');
  });
  it("keeps formulas as text", () => {
    for (const start of ["=", "+", "-", "@", "\t", "\r"]) expect(csvCell(`${start}HYPERLINK("x")`)).toBe(`"'${start}HYPERLINK(""x"")"`);
    expect(csvCell("plain=1")).toBe('"plain=1"');
  });
  it("writes dates as ISO and objects as JSON", () => {
    expect(csvCell(new Date("2026-12-03T10:00:00Z"))).toBe('"2026-12-03T10:00:00.000Z"');
    expect(csvCell({ a: 1 })).toBe('"{""a"":1}"');
  });
});
