import { describe, expect, it } from "vitest";
import { validateSurveyTable } from "./validate";
import { HEADER, organisations, problemsOf, table } from "./validate-fixture";

describe("validateSurveyTable: cells and rows", () => {
  it("reads a valid file into returns grouped by wave, in wave order", () => {
    const result = validateSurveyTable(
      table(
        HEADER,
        '2016,RV3,routine,24,20,15,service_targets;Financial Pressure,=HYPERLINK("x")',
        "2014,RAT,none,,,,,",
      ),
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

  it("refuses unknown organisation codes, suggesting a near one", () => {
    const problems = problemsOf(
      table(HEADER, "2016,RV3,routine,,,,,", "2016,RV4,none,,,,,", "2016,ZZZZZZ,none,,,,,"),
    );
    expect(problems[0]).toMatchObject({
      row: 3,
      column: "org_code",
      value: "RV4",
      message: 'unknown organisation code "RV4"; did you mean "RV3" (Central and North West London)?',
    });
    expect(problems[1]).toMatchObject({
      row: 4,
      column: "org_code",
      message: expect.stringMatching(/unknown organisation code "ZZZZZZ"; organisation codes are listed/),
    });
  });

  it("refuses a closed organisation, naming its successor, and one not yet open", () => {
    const problems = problemsOf(
      table(HEADER, "2018,OLD1,none,,,,,", "2020,OLD1,none,,,,,", "2016,NEW1,none,,,,,"),
    );
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatchObject({
      row: 3,
      column: "org_code",
      message:
        "organisation OLD1 (Old Trust) closed on 2019-03-31, before wave 2020; report it under its successor NEW1 (New Trust)",
    });
    expect(problems[1]).toMatchObject({
      row: 4,
      column: "org_code",
      message: expect.stringMatching(/NEW1 \(New Trust\) opened on 2019-04-01, after wave 2016/),
    });
  });

  it("accepts a closed organisation in the wave it closed", () => {
    expect(
      validateSurveyTable(table(HEADER, "2019,OLD1,none,,,,,", "2019,NEW1,none,,,,,"), {
        file: "f",
        organisations,
      }).ok,
    ).toBe(true);
  });

  it("lists the allowed values of a vocabulary, with meanings", () => {
    const [p] = problemsOf(table(HEADER, "2016,RV3,sometimes,,,,,"));
    expect(p).toMatchObject({ row: 2, column: "provision", value: "sometimes" });
    expect(p!.message).toMatch(
      /^"sometimes" is not an allowed provision; allowed: routine \(Routine \(part of a care pathway\)\), limited/,
    );
    expect(p!.allowed).toContain("not_applicable");
    const [list] = problemsOf(table(HEADER, "2016,RV3,routine,,,,service_targets;money,"));
    expect(list).toMatchObject({
      row: 2,
      column: "barriers",
      message: expect.stringMatching(
        /^"money" is not an allowed barrier; allowed: service_targets, financial_pressure/,
      ),
    });
    const withComma = table("wave,org_code,provision,barriers", "2016,RV3,routine,x");
    withComma.rows[0]!.cells[3] = "service_targets, staff_turnover";
    const [comma] = problemsOf(withComma);
    expect(comma).toMatchObject({
      row: 2,
      column: "barriers",
      message: expect.stringMatching(/separate list items with ; not ,/),
    });
  });

  it("treats a formula in a coded column as just an invalid value", () => {
    const [p] = problemsOf(table(HEADER, '2016,RV3,=HYPERLINK("http://evil"),,,,,'));
    expect(p).toMatchObject({
      row: 2,
      column: "provision",
      message: expect.stringMatching(/is not an allowed provision/),
    });
  });

  it("refuses non-integers, negatives and implausible counts", () => {
    const problems = problemsOf(table(HEADER, "2016,RV3,routine,12.5,-3,1,000,,"));
    expect(problems).toContainEqual(
      expect.objectContaining({ row: 2, column: "places_offered", message: "12.5 is not a whole number" }),
    );
    expect(problems).toContainEqual(
      expect.objectContaining({
        row: 2,
        column: "participants_started",
        message: "-3 is negative; counts must be 0 or more",
      }),
    );
    const [big] = problemsOf(table(HEADER, "2016,RV3,routine,99999999999,,,,"));
    expect(big).toMatchObject({
      column: "places_offered",
      message: expect.stringMatching(/more than the largest count accepted/),
    });
    const [word] = problemsOf(table(HEADER, "2016,RV3,routine,twelve,,,,"));
    expect(word).toMatchObject({ column: "places_offered", message: '"twelve" is not a whole number' });
  });

  it("refuses completed > started and started > places", () => {
    const problems = problemsOf(table(HEADER, "2016,RV3,routine,10,12,13,,"));
    expect(problems).toEqual([
      expect.objectContaining({
        row: 2,
        column: "participants_started",
        message: "participants_started (12) is more than places_offered (10)",
      }),
      expect.objectContaining({
        row: 2,
        column: "participants_completed",
        message: "participants_completed (13) is more than participants_started (12)",
      }),
    ]);
  });

  it("refuses an organisation twice in a wave, naming both rows", () => {
    const [p] = problemsOf(
      table(HEADER, "2016,RV3,routine,,,,,", "2016,RAT,none,,,,,", "2016,RV3,none,,,,,"),
    );
    expect(p).toMatchObject({
      row: 4,
      column: "org_code",
      message:
        "organisation RV3 appears twice in wave 2016 (rows 2 and 4); keep one row per organisation per wave",
    });
    // The same organisation in two different waves is fine.
    expect(
      validateSurveyTable(table(HEADER, "2016,RV3,none,,,,,", "2018,RV3,none,,,,,"), {
        file: "f",
        organisations,
      }).ok,
    ).toBe(true);
  });

  it("refuses a wave id that does not parse, and a blank required cell", () => {
    const problems = problemsOf(
      table(
        HEADER,
        "16,RV3,routine,,,,,",
        "2016-13,RV3,routine,,,,,",
        "2016-05-01,RAT,none,,,,,",
        ",RAT,,,,,,",
      ),
    );
    expect(problems[0]).toMatchObject({
      row: 2,
      column: "wave",
      message: '"16" is not a wave id; a wave is YYYY or YYYY-MM, e.g. 2024 or 2024-05',
    });
    expect(problems[1]).toMatchObject({ row: 3, column: "wave" });
    expect(problems[2]).toMatchObject({
      row: 4,
      column: "wave",
      message: expect.stringMatching(/looks like a date/),
    });
    expect(problems).toContainEqual(
      expect.objectContaining({ row: 5, column: "wave", message: "wave is required" }),
    );
    expect(problems).toContainEqual(
      expect.objectContaining({ row: 5, column: "provision", message: "provision is required" }),
    );
  });

  it("says a wave looks like a date whichever way a spreadsheet wrote it back", () => {
    for (const written of ["2024-05-01", "01/05/2024", "1/5/24", "May-24"]) {
      const [problem] = problemsOf(table(HEADER, `${written},RV3,routine,,,,,`));
      expect(problem, written).toMatchObject({
        column: "wave",
        message: expect.stringMatching(/looks like a date/),
      });
    }
    const [plain] = problemsOf(table(HEADER, "soon,RV3,routine,,,,,"));
    expect(plain!.message).not.toMatch(/date/);
  });

  it("refuses yes/no, support levels, waits and modes outside their ranges", () => {
    const header =
      "wave,org_code,provision,champion_present,leadership_support,commissioner_support,median_wait_weeks,delivery_mode,stage";
    const problems = problemsOf(table(header, "2016,RV3,routine,maybe,4,two,7;5,by post,sustainble"));
    const byColumn = Object.fromEntries(problems.map((p) => [p.column, p.message]));
    expect(byColumn.champion_present).toBe('"maybe" is not yes or no');
    expect(byColumn.leadership_support).toBe(
      '"4" is not a support level; allowed: 0 (none), 1 (aware), 2 (supportive), 3 (commissioned)',
    );
    expect(byColumn.commissioner_support).toMatch(/"two" is not a support level/);
    expect(byColumn.median_wait_weeks).toBe('"7;5" is not a number of weeks');
    expect(byColumn.delivery_mode).toMatch(/"by post" is not an allowed delivery mode; allowed: in_person/);
    expect(byColumn.stage).toMatch(/"sustainble" is not an allowed stage; did you mean "sustainable"\?/);
  });

  it("reads yes/no, decimals and vocabulary values case-insensitively", () => {
    const header =
      "wave,org_code,provision,champion_present,median_wait_weeks,delivery_mode,stage,leadership_support";
    const result = validateSurveyTable(
      table(header, "2016-05,RV3,Limited,YES,7.5,In Person,Starting-Out,2"),
      { file: "f", organisations },
    );
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
});
