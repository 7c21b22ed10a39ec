import { describe, expect, it } from "vitest";
import { validateSurveyTable } from "./validate";
import { organisations, problemsOf, table } from "./validate-fixture";

/** A pre-filled template: wave, org_code, the org_name helper, then the answers. */
const TEMPLATE = "wave,org_code,org_name,provision,places_offered,notes";

describe("pre-filled templates (the org_name helper column)", () => {
  it("ignores org_name, skips rows nobody filled in, and reads the filled ones with their rows", () => {
    const result = validateSurveyTable(
      table(
        TEMPLATE,
        "2027,RAT,North East London,,,",
        "2027,RV3,Central and North West London,routine,24,",
        "2027,NEW1,New Trust,,,",
        "2027,OLD1,=not a name at all,,,",
      ),
      { file: "t.csv", organisations },
    );
    // OLD1 closed in 2019, yet its blank row is only a template row: skipped, not refused.
    expect(result).toMatchObject({ ok: true, rowCount: 1, skippedRows: 3 });
    if (!result.ok) return;
    expect(result.waves).toEqual([
      {
        waveId: "2027",
        returns: [expect.objectContaining({ orgCode: "RV3", placesOffered: 24 })],
        rows: [3],
      },
    ]);
  });

  it("still validates a row with any answer filled in, e.g. places without provision", () => {
    const problems = problemsOf(table(TEMPLATE, "2027,RV3,x,,12,", "2027,RAT,y,none,,"));
    expect(problems).toEqual([expect.objectContaining({ row: 2, column: "provision" })]);
  });

  it("says so when no row of a template is filled in", () => {
    const [p] = problemsOf(table(TEMPLATE, "2027,RV3,x,,,", "2027,RAT,y,,,"));
    expect(p!.message).toMatch(
      /no return is filled in: each of the 2 rows has only wave, org_code and org_name/,
    );
  });

  it("without the helper column, a row with only wave and org_code is a row missing provision (as before)", () => {
    const problems = problemsOf(table("wave,org_code,provision", "2027,RV3,"));
    expect(problems).toEqual([expect.objectContaining({ row: 2, column: "provision" })]);
  });

  it("refuses org_name twice, and suggests it for a near miss", () => {
    expect(
      problemsOf(table("wave,org_code,org_name,provision,ORG_NAME", "2027,RV3,x,none,y"))[0]!.message,
    ).toMatch(/column "org_name" appears twice/);
    expect(problemsOf(table("wave,org_code,provision,org nam", "2027,RV3,none,x"))[0]!.message).toMatch(
      /unknown column "org nam"; did you mean "org_name"\?/,
    );
  });
});
