import { describe, expect, it } from "vitest";
import { blankReturn, type SurveyReturn } from "../survey-return";
import { FIXTURE_AREAS, FIXTURE_ORGANISATIONS } from "../testing/atlas-fixture";
import { parseChangeLabel } from "./change-label";
import { confirmationsNeeded, describeConfirmation, rowRanges } from "./confirm";
import { changedColumns, diffWaveReturns } from "./diff";
import { buildResponseTracker } from "./tracker";

const ret = (org: string, patch: Partial<SurveyReturn> = {}): SurveyReturn => ({
  ...blankReturn("2024", org, "routine"),
  ...patch,
});
const HOW = { waves: (ids: string) => `--confirm-waves ${ids}`, shrink: "--confirm-shrink", add: "--add" };

describe("diffWaveReturns", () => {
  const stored = [ret("A"), ret("B", { placesOffered: 12 }), ret("C", { barriers: ["service_targets"] })];

  it("adds and updates, keeping the others, when adding", () => {
    const diff = diffWaveReturns(
      stored,
      [ret("D"), ret("B", { placesOffered: 14, provision: "limited" }), ret("A")],
      "add",
    );
    expect(diff).toEqual({
      added: ["D"],
      changed: [{ orgCode: "B", fields: ["provision", "places_offered"] }],
      removed: [],
      unchanged: 1,
    });
  });

  it("removes what the file does not name when replacing", () => {
    expect(diffWaveReturns(stored, [ret("C", { barriers: ["service_targets"] })], "replace")).toEqual({
      added: [],
      changed: [],
      removed: ["A", "B"],
      unchanged: 1,
    });
  });

  it("sees a list's order, a blank and a zero as changes, and equal values as equal", () => {
    const a = ret("A", { barriers: ["service_targets", "financial_pressure"], placesOffered: 0 });
    expect(changedColumns(a, { ...a, barriers: ["financial_pressure", "service_targets"] })).toEqual([
      "barriers",
    ]);
    expect(changedColumns(a, { ...a, placesOffered: null })).toEqual(["places_offered"]);
    expect(changedColumns(a, { ...a, medianWaitWeeks: 7.5 })).toEqual(["median_wait_weeks"]);
    expect(changedColumns(a, { ...a, barriers: [...a.barriers] })).toEqual([]);
  });
});

describe("confirmationsNeeded", () => {
  const wave = (waveId: string, rows: number[], storedRows = 0, removed: string[] = []) => ({
    rows: { waveId, rows, orgCodes: rows.map((r) => `O${r}`) },
    storedRows,
    diff: { added: [], changed: [], removed, unchanged: 0 },
  });

  it("asks to confirm a file naming several waves, naming the rows of each, unless exactly those are confirmed", () => {
    const waves = [wave("2026", [85]), wave("2027", [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 86])];
    const [reason] = confirmationsNeeded({ mode: "add", waves, confirmShrink: false, confirmWaves: null });
    expect(reason).toMatchObject({ kind: "several_waves", confirmed: null });
    expect(describeConfirmation(reason!, HOW)).toBe(
      "the file's rows name 2 waves: wave 2027 in rows 2–12, 86 (12 rows); wave 2026 in row 85 (O85). A file normally holds one wave, so check the wave column of those rows; if the file really holds several waves, confirm with --confirm-waves 2026,2027",
    );
    expect(
      confirmationsNeeded({ mode: "add", waves, confirmShrink: false, confirmWaves: ["2027", "2026"] }),
    ).toEqual([]);
    expect(
      confirmationsNeeded({ mode: "add", waves, confirmShrink: false, confirmWaves: ["2027"] }),
    ).toHaveLength(1);
  });

  it("asks to confirm a replace removing more than 10% of a wave, and only a replace", () => {
    const removed = ["A", "B"];
    const shrinking = [wave("2026", [2], 19, removed)];
    const [reason] = confirmationsNeeded({
      mode: "replace",
      waves: shrinking,
      confirmShrink: false,
      confirmWaves: null,
    });
    expect(describeConfirmation(reason!, HOW)).toMatch(
      /^replacing wave 2026 would remove 2 of its 19 stored returns \(10\.5%, more than 10%\): A, B; the file holds 1 row for that wave\. To add or update returns and keep the others, use --add; to remove them, confirm with --confirm-shrink$/,
    );
    // Exactly 10% is allowed; so is any shrink once confirmed, and an add never removes anything.
    expect(
      confirmationsNeeded({
        mode: "replace",
        waves: [wave("2026", [2], 20, removed)],
        confirmShrink: false,
        confirmWaves: null,
      }),
    ).toEqual([]);
    expect(
      confirmationsNeeded({ mode: "replace", waves: shrinking, confirmShrink: true, confirmWaves: null }),
    ).toEqual([]);
  });

  it("writes row numbers as ranges", () => {
    expect(rowRanges([5, 2, 3, 4, 9, 12, 13])).toBe("2–5, 9, 12–13");
    expect(rowRanges([1, 3, 5, 7], 2)).toBe("1, 3 and 2 more ranges");
  });
});

describe("parseChangeLabel", () => {
  it("trims and collapses spaces, and treats blank as none", () => {
    expect(parseChangeLabel("  Survey   team ")).toEqual({ ok: true, label: "Survey team" });
    expect(parseChangeLabel("   ")).toEqual({ ok: true, label: null });
    expect(parseChangeLabel(undefined)).toEqual({ ok: true, label: null });
    expect(parseChangeLabel("Zoë O'Brien-Smith (NHS E)")).toEqual({
      ok: true,
      label: "Zoë O'Brien-Smith (NHS E)",
    });
  });
  it("refuses control characters, markup and overlong names", () => {
    expect(parseChangeLabel("a\u0000b").ok).toBe(false);
    expect(parseChangeLabel("<script>").ok).toBe(false);
    expect(parseChangeLabel("=cmd|' /C calc'!A0").ok).toBe(false);
    expect(parseChangeLabel("x".repeat(61))).toEqual({
      ok: false,
      message: expect.stringMatching(/at most 60/),
    });
  });
});

describe("buildResponseTracker", () => {
  it("lists every organisation open during the wave as returned, no_response or missing, with its last change", () => {
    const change = {
      at: "2024-03-01T00:00:00Z",
      file: "a.csv",
      action: "added" as const,
      by: "AJ",
      origin: "cli:aj",
    };
    const tracker = buildResponseTracker({
      wave: { id: "2024", state: "draft", provisional: false, synthetic: false },
      organisations: FIXTURE_ORGANISATIONS,
      areas: FIXTURE_AREAS,
      returns: [ret("RV3"), ret("RQY", { provision: "no_response" })],
      lastChanges: new Map([["RV3", change]]),
    });
    // RW1 and RXX closed in 2023, before the 2024 wave: not invited.
    expect(tracker.organisations.map((o) => [o.code, o.status])).toEqual([
      ["S08000016", "missing"],
      ["SA9", "missing"],
      ["RQY", "no_response"],
      ["RRP", "missing"],
      ["RV3", "returned"],
      ["RX2", "missing"],
    ]);
    expect(tracker).toMatchObject({ invited: 6, returned: 1, noResponse: 1, missing: 4 });
    expect(tracker.organisations.find((o) => o.code === "RV3")).toMatchObject({
      lastChange: change,
      areaName: expect.any(String),
    });
  });
});
