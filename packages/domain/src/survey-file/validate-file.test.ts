import { describe, expect, it } from "vitest";
import { SURVEY_COLUMNS } from "../survey-return";
import { validateSurveyTable } from "./validate";
import { HEADER, organisations, problemsOf, table } from "./validate-fixture";

describe("validateSurveyTable: files, headers and limits", () => {
  it("refuses an empty file and a header without rows", () => {
    expect(problemsOf(null)).toEqual([
      expect.objectContaining({ row: 1, message: expect.stringMatching(/empty/) }),
    ]);
    expect(problemsOf(table(HEADER))).toEqual([
      expect.objectContaining({ row: 2, message: "the file has a header row but no data rows" }),
    ]);
  });

  it("reads column names whatever their case or surrounding spaces", () => {
    const result = validateSurveyTable(
      table(" Wave ,ORG_CODE,Provision,Stage", "2016,RV3,routine,sustainable"),
      {
        file: "f.csv",
        organisations,
      },
    );
    expect(result.ok && result.waves[0]!.returns[0]).toMatchObject({ orgCode: "RV3", stage: "sustainable" });
    expect(problemsOf(table("wave,org_code,provision,Stage,stage", "2016,RV3,routine,,"))).toContainEqual(
      expect.objectContaining({
        row: 1,
        column: "stage",
        message: expect.stringMatching(/appears twice \(columns D and E\)/),
      }),
    );
  });

  it("names an unknown column with the nearest valid name, and a missing required column", () => {
    const problems = problemsOf(table("wave,org code,provison,notes", "2016,RV3,routine,"));
    expect(problems).toContainEqual(
      expect.objectContaining({
        row: 1,
        column: "column B",
        message: 'unknown column "org code"; did you mean "org_code"?',
      }),
    );
    expect(problems).toContainEqual(
      expect.objectContaining({
        row: 1,
        column: "column C",
        message: 'unknown column "provison"; did you mean "provision"?',
      }),
    );
    expect(problems).toContainEqual(
      expect.objectContaining({
        row: 1,
        column: "org_code",
        message: expect.stringMatching(/required column "org_code" is missing/),
      }),
    );
    expect(problems).toContainEqual(expect.objectContaining({ row: 1, column: "provision" }));
    // Missing columns are reported once, at the header, not again on every row.
    expect(problems.filter((p) => p.row === 2)).toEqual([]);
  });

  it("hints at the separator when the header is one semicolon-separated cell", () => {
    const [p] = problemsOf(table("wave;org_code;provision", "2016;RV3;routine"));
    expect(p).toMatchObject({
      row: 1,
      column: "column A",
      message: expect.stringMatching(/separated by commas/),
    });
  });

  it("refuses a column named twice and values under an unnamed column", () => {
    const problems = problemsOf(table("wave,org_code,provision,notes,notes,", "2016,RV3,routine,a,b,stray"));
    expect(problems).toContainEqual(
      expect.objectContaining({
        row: 1,
        column: "notes",
        message: expect.stringMatching(/appears twice \(columns D and E\)/),
      }),
    );
    expect(problems).toContainEqual(
      expect.objectContaining({
        row: 2,
        column: "column F",
        message: "column F has values but no name in the header row",
      }),
    );
  });

  it("limits cell length, echoing only the start of a huge value", () => {
    const long = "x".repeat(2001);
    const problems = problemsOf(
      table(HEADER, `2016,RV3,routine,,,,,${long}`, `2016,RAT,${"y".repeat(500)},,,,,`),
    );
    expect(problems[0]).toMatchObject({
      row: 2,
      column: "notes",
      message: "is 2001 characters long; the limit for notes is 2000",
    });
    expect(problems[0]!.value!.length).toBeLessThan(150);
    expect(problems[1]).toMatchObject({
      row: 3,
      column: "provision",
      message: "is 500 characters long; the limit for provision is 200",
    });
  });

  it("refuses control characters such as NUL in a cell", () => {
    const [p] = problemsOf(table(HEADER, "2016,RV3,routine,,,,,bad\u0000note"));
    expect(p).toMatchObject({
      row: 2,
      column: "notes",
      message: "contains a control character (U+0000 at character 4); remove it",
    });
  });

  it("limits the number of rows and of listed problems", () => {
    const rows = Array.from({ length: 12 }, (_, i) => `2016,NOPE${i},none,,,,,`);
    const tooMany = validateSurveyTable(table(HEADER, ...rows), {
      file: "f",
      organisations,
      limits: { maxRows: 10 },
    });
    expect(tooMany.ok || tooMany.problems).toEqual([
      expect.objectContaining({ row: 12, message: expect.stringMatching(/more than 10 data rows/) }),
    ]);
    const capped = validateSurveyTable(table(HEADER, ...rows), {
      file: "f",
      organisations,
      limits: { maxProblems: 5 },
    });
    expect(capped.ok).toBe(false);
    if (capped.ok) return;
    expect(capped.problemCount).toBe(12);
    expect(capped.problems).toHaveLength(6);
    expect(capped.problems[5]!.message).toBe("…and 7 more problems not listed");
  });

  it("skips blank rows but keeps spreadsheet row numbers", () => {
    const [p] = problemsOf(table(HEADER, "2016,RV3,routine,,,,,", ",,,,,,,", "2016,XX9,none,,,,,"));
    expect(p).toMatchObject({ row: 4, column: "org_code" });
  });

  it("accepts every documented column", () => {
    const cells = [
      "2024",
      "RV3",
      "routine",
      "sustainable",
      "3",
      "36",
      "30",
      "24",
      "4",
      "3",
      "6",
      "hybrid",
      "yes",
      "3",
      "2",
      "local_champion",
      "",
      "core_service_budget",
      "ok",
    ];
    expect(
      validateSurveyTable(table(SURVEY_COLUMNS.join(","), cells.join(",")), { file: "f", organisations }).ok,
    ).toBe(true);
  });
});
