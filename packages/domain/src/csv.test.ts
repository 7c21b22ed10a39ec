import { describe, expect, it } from "vitest";
import { neutraliseCell, toCsv } from "./csv";

describe("CSV (exports and client-side downloads)", () => {
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

  it("writes RFC 4180 rows with the header first: quotes, doubled quotes, numbers untouched, nulls empty", () => {
    const csv = toCsv(
      ["a", "b", "c"],
      [
        { a: 'say "hi", then', b: -1.5, c: null },
        { a: "=cmd", b: true, c: 0 },
      ],
    );
    // No byte-order mark and nothing before the header: default readers take line 1 as the column names.
    expect(csv).toBe('a,b,c\r\n"say ""hi"", then",-1.5,\r\n\'=cmd,true,0\r\n');
  });
});
