import { readFileSync } from "node:fs";
import { join } from "node:path";
import { SURVEY_COLUMNS, validateSurveyTable } from "@atlas/domain";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../paths";
import { readReference } from "../reference/read-reference";
import { decodeCsv } from "./decode-csv";
import { decodeXlsx } from "./decode-xlsx";
import { surveyTemplateCsv, vocabularyRows } from "./template";

const doc = readFileSync(join(REPO_ROOT, "data/survey-format.md"), "utf8");

describe("data/survey-format.md and the templates", () => {
  it("documents every column and every vocabulary value", () => {
    for (const column of SURVEY_COLUMNS) expect(doc, column).toContain(`| \`${column}\` |`);
    for (const [column, value] of vocabularyRows())
      expect(doc, `${column}: ${value}`).toContain(`\`${value}\``);
  });

  it("has an example that validates against the reference data, but for the closed trust it points out", () => {
    const example = /```csv\n([\s\S]*?)```/.exec(doc)![1]!;
    const decoded = decodeCsv(example, "example.csv", 100);
    if (!decoded.ok) throw new Error("example does not parse");
    const result = validateSurveyTable(decoded.table, {
      file: "example.csv",
      organisations: readReference().organisations,
    });
    expect(result.ok || result.problems).toEqual([
      expect.objectContaining({
        row: 3,
        column: "org_code",
        message: expect.stringMatching(
          /closed on 2024-10-31, before wave 2026; report it under its successor G6V2S/,
        ),
      }),
    ]);
  });

  it("ships templates that match what the API serves", async () => {
    expect(readFileSync(join(REPO_ROOT, "data/templates/survey-template.csv"), "utf8")).toBe(
      surveyTemplateCsv(),
    );
    const xlsx = new Uint8Array(readFileSync(join(REPO_ROOT, "data/templates/survey-template.xlsx")));
    const decoded = await decodeXlsx(xlsx, "survey-template.xlsx", { maxRows: 10 });
    expect(decoded.ok && decoded.table).toEqual({
      headerRow: 1,
      header: [...SURVEY_COLUMNS],
      rows: [],
      sheet: "returns",
    });
  });
});
