import { describe, expect, it } from "vitest";
import type { SurveyReturn } from "../survey-return";
import { isSyntheticFileName, sanitiseFileName } from "./file-name";
import { levenshtein, nearest } from "./levenshtein";
import { formatProblemLine } from "./problem";
import { isOpenDuringWave, waveLabel, wavePeriod } from "./wave-period";
import { csvField, formatSurveyCsv } from "./write-csv";

describe("survey file helpers", () => {
  it("measures edit distance and suggests only near names", () => {
    expect(levenshtein("kitten", "sitting")).toBe(3);
    expect(levenshtein("", "abc")).toBe(3);
    expect(nearest("org_cod", ["wave", "org_code"])).toBe("org_code");
    expect(nearest("zzzzzz", ["wave", "org_code"])).toBeUndefined();
  });

  it("gives a wave's period and whether an organisation was open in it", () => {
    expect(wavePeriod("2016")).toEqual({ start: "2016-01-01", end: "2016-12-31" });
    expect(wavePeriod("2024-02")).toEqual({ start: "2024-02-01", end: "2024-02-29" });
    expect(wavePeriod("2024-13")).toBeUndefined();
    const org = { openedOn: "2019-04-01", closedOn: "2022-06-30" };
    expect(["2018", "2019", "2022", "2022-07", "2023"].map((w) => isOpenDuringWave(org, w))).toEqual([
      false,
      true,
      true,
      false,
      false,
    ]);
    expect(waveLabel("2016-05", true)).toBe("May 2016 (synthetic)");
    expect(waveLabel("2016", false)).toBe("2016");
  });

  it("keeps only a safe base name of an uploaded file", () => {
    expect(sanitiseFileName("../../etc/passwd")).toBe("passwd");
    expect(sanitiseFileName("C:\\Users\\me\\2024 returns.csv")).toBe("2024 returns.csv");
    expect(sanitiseFileName("..\\..\\.hidden;rm -rf $(x).csv")).toBe("hidden_rm -rf _x_.csv");
    expect(sanitiseFileName("")).toBe("upload");
    expect(sanitiseFileName("<script>.csv\u0000")).toBe("_script_.csv_");
    expect(sanitiseFileName(`${"a".repeat(300)}.csv`)).toHaveLength(120);
    expect(isSyntheticFileName("mbct-survey-2016-SYNTHETIC.csv")).toBe(true);
    expect(isSyntheticFileName("returns-2016.csv")).toBe(false);
  });

  it("writes CSV that quotes only what needs quoting", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField('a "b", c')).toBe('"a ""b"", c"');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
    const r: SurveyReturn = {
      waveId: "2016",
      orgCode: "RV3",
      provision: "routine",
      stage: null,
      coursesRun: 2,
      placesOffered: 24,
      participantsStarted: null,
      participantsCompleted: null,
      teachersTrained: null,
      teachersActive: null,
      medianWaitWeeks: 7.5,
      deliveryMode: null,
      championPresent: true,
      leadershipSupport: 0,
      commissionerSupport: null,
      facilitators: ["local_champion", "nice_guidance"],
      barriers: [],
      fundingSources: [],
      notes: "=1+1",
    };
    expect(formatSurveyCsv([r]).split("\n")[1]).toBe(
      "2016,RV3,routine,,2,24,,,,,7.5,,yes,0,,local_champion;nice_guidance,,,=1+1",
    );
    expect(formatProblemLine({ file: "f.csv", row: 3, column: "wave", message: "bad" })).toBe(
      "f.csv:3:wave: bad",
    );
    expect(formatProblemLine({ file: "f.csv", message: "empty" })).toBe("f.csv::: empty");
  });
});
