import { describe, expect, it } from "vitest";
import { SURVEY_COLUMNS } from "../survey-return";
import type { KnownOrganisation, SurveyTable } from "./validate";
import { validateSurveyTable } from "./validate";

const organisations: KnownOrganisation[] = [
  { code: "RV3", name: "Central and North West London", openedOn: "1999-04-01", closedOn: null, successorCode: null },
  { code: "RAT", name: "North East London", openedOn: null, closedOn: null, successorCode: null },
  { code: "OLD1", name: "Old Trust", openedOn: "2001-04-01", closedOn: "2019-03-31", successorCode: "NEW1" },
  { code: "NEW1", name: "New Trust", openedOn: "2019-04-01", closedOn: null, successorCode: null },
];

/** A table from lines of comma-separated cells (no quoting needed in these tests); header is row 1. */
function table(...lines: string[]): SurveyTable {
  const [header, ...rows] = lines.map((l) => l.split(","));
  return { headerRow: 1, header: header!, rows: rows.map((cells, i) => ({ row: i + 2, cells })) };
}

const HEADER = "wave,org_code,provision,places_offered,participants_started,participants_completed,barriers,notes";

function problemsOf(t: SurveyTable | null) {
  const result = validateSurveyTable(t, { file: "f.csv", organisations });
  if (result.ok) throw new Error("expected problems");
  return result.problems;
}

describe("validateSurveyTable", () => {
  it("reads a valid file into returns grouped by wave, in wave order", () => {
    const result = validateSurveyTable(
      table(HEADER, "2016,RV3,routine,24,20,15,service_targets;Financial Pressure,=HYPERLINK(\"x\")", "2014,RAT,none,,,,,"),
      { file: "f.csv", organisations },
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.waves.map((w) => w.waveId)).toEqual(["2014", "2016"]);
    expect(result.rowCount).toBe(2);
    const r = result.waves[1]!.returns[0]!;
    expect(r).toMatchObject({
      waveId: "2016",
      orgCode: "RV3",
      provision: "routine",
      placesOffered: 24,
      participantsStarted: 20,
      participantsCompleted: 15,
      barriers: ["service_targets", "financial_pressure"],
      facilitators: [],
      stage: null,
      championPresent: null,
    });
    // Formula-like free text is kept as text, never evaluated.
    expect(r.notes).toBe('=HYPERLINK("x")');
  });

  it("refuses an empty file and a header without rows", () => {
    expect(problemsOf(null)).toEqual([expect.objectContaining({ row: 1, message: expect.stringMatching(/empty/) })]);
    expect(problemsOf(table(HEADER))).toEqual([
      expect.objectContaining({ row: 2, message: "the file has a header row but no data rows" }),
    ]);
  });

  it("names an unknown column with the nearest valid name, and a missing required column", () => {
    const problems = problemsOf(table("wave,org code,provison,notes", "2016,RV3,routine,"));
    expect(problems).toContainEqual(
      expect.objectContaining({ row: 1, column: "column B", message: 'unknown column "org code"; did you mean "org_code"?' }),
    );
    expect(problems).toContainEqual(
      expect.objectContaining({ row: 1, column: "column C", message: 'unknown column "provison"; did you mean "provision"?' }),
    );
    expect(problems).toContainEqual(
      expect.objectContaining({ row: 1, column: "org_code", message: expect.stringMatching(/required column "org_code" is missing/) }),
    );
    expect(problems).toContainEqual(expect.objectContaining({ row: 1, column: "provision" }));
    // Missing columns are reported once, at the header, not again on every row.
    expect(problems.filter((p) => p.row === 2)).toEqual([]);
  });

  it("hints at the separator when the header is one semicolon-separated cell", () => {
    const [p] = problemsOf(table("wave;org_code;provision", "2016;RV3;routine"));
    expect(p).toMatchObject({ row: 1, column: "column A", message: expect.stringMatching(/separated by commas/) });
  });

  it("refuses a column named twice and values under an unnamed column", () => {
    const problems = problemsOf(table("wave,org_code,provision,notes,notes,", "2016,RV3,routine,a,b,stray"));
    expect(problems).toContainEqual(expect.objectContaining({ row: 1, column: "notes", message: expect.stringMatching(/appears twice \(columns D and E\)/) }));
    expect(problems).toContainEqual(
      expect.objectContaining({ row: 2, column: "column F", message: "column F has values but no name in the header row" }),
    );
  });

  it("refuses unknown organisation codes, suggesting a near one", () => {
    const problems = problemsOf(table(HEADER, "2016,RV3,routine,,,,,", "2016,RV4,none,,,,,", "2016,ZZZZZZ,none,,,,,"));
    expect(problems[0]).toMatchObject({
      row: 3,
      column: "org_code",
      value: "RV4",
      message: 'unknown organisation code "RV4"; did you mean "RV3" (Central and North West London)?',
    });
    expect(problems[1]).toMatchObject({ row: 4, column: "org_code", message: expect.stringMatching(/unknown organisation code "ZZZZZZ"; organisation codes are listed/) });
  });

  it("refuses a closed organisation, naming its successor, and one not yet open", () => {
    const problems = problemsOf(table(HEADER, "2018,OLD1,none,,,,,", "2020,OLD1,none,,,,,", "2016,NEW1,none,,,,,"));
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatchObject({
      row: 3,
      column: "org_code",
      message:
        "organisation OLD1 (Old Trust) closed on 2019-03-31, before wave 2020; report it under its successor NEW1 (New Trust)",
    });
    expect(problems[1]).toMatchObject({ row: 4, column: "org_code", message: expect.stringMatching(/NEW1 \(New Trust\) opened on 2019-04-01, after wave 2016/) });
  });

  it("accepts a closed organisation in the wave it closed", () => {
    expect(validateSurveyTable(table(HEADER, "2019,OLD1,none,,,,,", "2019,NEW1,none,,,,,"), { file: "f", organisations }).ok).toBe(true);
  });

  it("lists the allowed values of a vocabulary, with meanings", () => {
    const [p] = problemsOf(table(HEADER, "2016,RV3,sometimes,,,,,"));
    expect(p).toMatchObject({ row: 2, column: "provision", value: "sometimes" });
    expect(p!.message).toMatch(/^"sometimes" is not an allowed provision; allowed: routine \(Routine \(part of a care pathway\)\), limited/);
    expect(p!.allowed).toContain("not_applicable");
    const [list] = problemsOf(table(HEADER, "2016,RV3,routine,,,,service_targets;money,"));
    expect(list).toMatchObject({ row: 2, column: "barriers", message: expect.stringMatching(/^"money" is not an allowed barrier; allowed: service_targets, financial_pressure/) });
    const withComma = table("wave,org_code,provision,barriers", "2016,RV3,routine,x");
    withComma.rows[0]!.cells[3] = "service_targets, staff_turnover";
    const [comma] = problemsOf(withComma);
    expect(comma).toMatchObject({ row: 2, column: "barriers", message: expect.stringMatching(/separate list items with ; not ,/) });
  });

  it("treats a formula in a coded column as just an invalid value", () => {
    const [p] = problemsOf(table(HEADER, '2016,RV3,=HYPERLINK("http://evil"),,,,,'));
    expect(p).toMatchObject({ row: 2, column: "provision", message: expect.stringMatching(/is not an allowed provision/) });
  });

  it("refuses non-integers, negatives and implausible counts", () => {
    const problems = problemsOf(table(HEADER, "2016,RV3,routine,12.5,-3,1,000,,"));
    expect(problems).toContainEqual(expect.objectContaining({ row: 2, column: "places_offered", message: "12.5 is not a whole number" }));
    expect(problems).toContainEqual(
      expect.objectContaining({ row: 2, column: "participants_started", message: "-3 is negative; counts must be 0 or more" }),
    );
    const [big] = problemsOf(table(HEADER, "2016,RV3,routine,99999999999,,,,"));
    expect(big).toMatchObject({ column: "places_offered", message: expect.stringMatching(/more than the largest count accepted/) });
    const [word] = problemsOf(table(HEADER, "2016,RV3,routine,twelve,,,,"));
    expect(word).toMatchObject({ column: "places_offered", message: '"twelve" is not a whole number' });
  });

  it("refuses completed > started and started > places", () => {
    const problems = problemsOf(table(HEADER, "2016,RV3,routine,10,12,13,,"));
    expect(problems).toEqual([
      expect.objectContaining({ row: 2, column: "participants_completed", message: "participants_completed (13) is more than participants_started (12)" }),
      expect.objectContaining({ row: 2, column: "participants_started", message: "participants_started (12) is more than places_offered (10)" }),
    ]);
  });

  it("refuses an organisation twice in a wave, naming both rows", () => {
    const [p] = problemsOf(table(HEADER, "2016,RV3,routine,,,,,", "2016,RAT,none,,,,,", "2016,RV3,none,,,,,"));
    expect(p).toMatchObject({
      row: 4,
      column: "org_code",
      message: "organisation RV3 appears twice in wave 2016 (rows 2 and 4); keep one row per organisation per wave",
    });
    // The same organisation in two different waves is fine.
    expect(validateSurveyTable(table(HEADER, "2016,RV3,none,,,,,", "2018,RV3,none,,,,,"), { file: "f", organisations }).ok).toBe(true);
  });

  it("refuses a wave id that does not parse, and a blank required cell", () => {
    const problems = problemsOf(table(HEADER, "16,RV3,routine,,,,,", "2016-13,RV3,routine,,,,,", "2016-05-01,RAT,none,,,,,", ",RAT,,,,,,"));
    expect(problems[0]).toMatchObject({ row: 2, column: "wave", message: '"16" is not a wave id; a wave is YYYY or YYYY-MM, e.g. 2024 or 2024-05' });
    expect(problems[1]).toMatchObject({ row: 3, column: "wave" });
    expect(problems[2]).toMatchObject({ row: 4, column: "wave", message: expect.stringMatching(/looks like a date/) });
    expect(problems).toContainEqual(expect.objectContaining({ row: 5, column: "wave", message: "wave is required" }));
    expect(problems).toContainEqual(expect.objectContaining({ row: 5, column: "provision", message: "provision is required" }));
  });

  it("refuses yes/no, support levels, waits and modes outside their ranges", () => {
    const header = "wave,org_code,provision,champion_present,leadership_support,commissioner_support,median_wait_weeks,delivery_mode,stage";
    const problems = problemsOf(table(header, "2016,RV3,routine,maybe,4,two,7;5,by post,sustainble"));
    const byColumn = Object.fromEntries(problems.map((p) => [p.column, p.message]));
    expect(byColumn.champion_present).toBe('"maybe" is not yes or no');
    expect(byColumn.leadership_support).toBe('"4" is not a support level; allowed: 0 (none), 1 (aware), 2 (supportive), 3 (commissioned)');
    expect(byColumn.commissioner_support).toMatch(/"two" is not a support level/);
    expect(byColumn.median_wait_weeks).toBe('"7;5" is not a number of weeks');
    expect(byColumn.delivery_mode).toMatch(/"by post" is not an allowed delivery mode; allowed: in_person/);
    expect(byColumn.stage).toMatch(/"sustainble" is not an allowed stage; did you mean "sustainable"\?/);
  });

  it("reads yes/no, decimals and vocabulary values case-insensitively", () => {
    const header = "wave,org_code,provision,champion_present,median_wait_weeks,delivery_mode,stage,leadership_support";
    const result = validateSurveyTable(table(header, "2016-05,RV3,Limited,YES,7.5,In Person,Starting-Out,2"), { file: "f", organisations });
    expect(result.ok && result.waves[0]!.returns[0]).toMatchObject({
      waveId: "2016-05",
      provision: "limited",
      championPresent: true,
      medianWaitWeeks: 7.5,
      deliveryMode: "in_person",
      stage: "starting_out",
      leadershipSupport: 2,
    });
  });

  it("limits cell length, echoing only the start of a huge value", () => {
    const long = "x".repeat(2001);
    const problems = problemsOf(table(HEADER, `2016,RV3,routine,,,,,${long}`, `2016,RAT,${"y".repeat(500)},,,,,`));
    expect(problems[0]).toMatchObject({ row: 2, column: "notes", message: "is 2001 characters long; the limit for notes is 2000" });
    expect(problems[0]!.value!.length).toBeLessThan(150);
    expect(problems[1]).toMatchObject({ row: 3, column: "provision", message: "is 500 characters long; the limit for provision is 200" });
  });

  it("refuses control characters such as NUL in a cell", () => {
    const [p] = problemsOf(table(HEADER, "2016,RV3,routine,,,,,bad\u0000note"));
    expect(p).toMatchObject({ row: 2, column: "notes", message: "contains a control character (U+0000 at character 4); remove it" });
  });

  it("limits the number of rows and of listed problems", () => {
    const rows = Array.from({ length: 12 }, (_, i) => `2016,NOPE${i},none,,,,,`);
    const tooMany = validateSurveyTable(table(HEADER, ...rows), { file: "f", organisations, limits: { maxRows: 10 } });
    expect(tooMany.ok || tooMany.problems).toEqual([
      expect.objectContaining({ row: 12, message: expect.stringMatching(/more than 10 data rows/) }),
    ]);
    const capped = validateSurveyTable(table(HEADER, ...rows), { file: "f", organisations, limits: { maxProblems: 5 } });
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
    const cells = ["2024", "RV3", "routine", "sustainable", "3", "36", "30", "24", "4", "3", "6", "hybrid", "yes", "3", "2", "local_champion", "", "core_service_budget", "ok"];
    expect(validateSurveyTable(table(SURVEY_COLUMNS.join(","), cells.join(",")), { file: "f", organisations }).ok).toBe(true);
  });
});
