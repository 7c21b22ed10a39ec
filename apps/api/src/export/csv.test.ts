import { describe, expect, it } from "vitest";
import { neutraliseCell, toCsv } from "./csv";

describe("CSV export", () => {
  it.each([
    ["=1+1", "'=1+1"],
    ["+44 20", "'+44 20"],
    ["-2", "'-2"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tx", "'\tx"],
    ["Leeds", "Leeds"],
    ["", ""],
  ])("neutralises %j as %j", (input, output) => {
    expect(neutraliseCell(input)).toBe(output);
  });

  it("writes RFC 4180 rows: quotes, doubled quotes, numbers untouched, nulls empty, comments first", () => {
    const csv = toCsv(
      ["Licence: OGL, v3"],
      ["a", "b", "c"],
      [
        { a: 'say "hi", then', b: -1.5, c: null },
        { a: "=cmd", b: true, c: 0 },
      ],
    );
    expect(csv).toBe('\uFEFF# Licence: OGL, v3\r\na,b,c\r\n"say ""hi"", then",-1.5,\r\n\'=cmd,true,0\r\n');
  });
});
