import { describe, expect, it } from "vitest";
import { ANSWER_COLUMNS } from "../survey-columns";
import { validateSurveyTable } from "../survey-file/validate";
import { organisations } from "../survey-file/validate-fixture";
import { buildResponseTracker, trackerLink } from "../survey-ops/tracker";
import { blankReturn } from "../survey-return";
import { FIXTURE_AREAS, FIXTURE_ORGANISATIONS } from "../testing/atlas-fixture";
import { FORM_FIELDS, FORM_GROUPS, FORM_PROVISIONS } from "./form-fields";
import { defaultLinkExpiry, linkState, linkWorks, parseLinkExpiry } from "./link-state";
import { answerCells, checkFormReturn } from "./return-form";

const NOW = "2027-03-01T12:00:00.000Z";
const link = {
  expiresAt: "2027-04-30T23:59:59.000Z",
  revokedAt: null,
  openedAt: null,
  draftSavedAt: null,
  submittedAt: null,
};

describe("the respondent form's fields", () => {
  it("asks for every answer column exactly once, in six groups as a respondent thinks", () => {
    expect(FORM_FIELDS.map((f) => f.column).sort()).toEqual([...ANSWER_COLUMNS].sort());
    expect(FORM_GROUPS.map((g) => g.legend)).toEqual([
      "Provision and stage",
      "Courses and places",
      "People",
      "Teachers",
      "Support, facilitators and barriers",
      "Notes",
    ]);
    // Only provision is required; every field says what it means.
    expect(FORM_FIELDS.filter((f) => f.required).map((f) => f.column)).toEqual(["provision"]);
    for (const f of FORM_FIELDS) expect(f.hint.length, f.column).toBeGreaterThan(10);
  });

  it("offers each vocabulary's values with their meanings, and 'not known' for optional choices", () => {
    const provision = FORM_FIELDS.find((f) => f.column === "provision")!;
    expect(provision.options!.map((o) => o.value)).toEqual([...FORM_PROVISIONS]);
    expect(provision.options!.find((o) => o.value === "paused")!.hint).toBe(
      "MBCT stopped for now, e.g. the teacher left",
    );
    const stage = FORM_FIELDS.find((f) => f.column === "stage")!;
    expect(stage.options!.at(-1)).toEqual({ value: "", label: "Not known" });
    const barriers = FORM_FIELDS.find((f) => f.column === "barriers")!;
    expect(barriers.options!.map((o) => o.label)).toContain("Pressure to meet service targets");
  });
});

describe("checkFormReturn", () => {
  const scope = { waveId: "2016", orgCode: "RV3" };

  it("judges the form's cells by the importer's rules, naming the column", () => {
    const check = checkFormReturn(
      { provision: "routine", places_offered: "10", participants_started: "12", courses_run: "1,200" },
      scope,
    );
    expect(check.value).toBeUndefined();
    expect(check.problems).toEqual([
      {
        column: "courses_run",
        message: "1,200: write whole numbers without thousands separators",
        value: "1,200",
      },
      {
        column: "participants_started",
        message: "participants_started (12) is more than places_offered (10)",
        value: "12",
      },
    ]);
    // The same row in a file gets the same messages, with file, row and column.
    const file = validateSurveyTable(
      {
        headerRow: 1,
        header: ["wave", "org_code", "provision", "courses_run", "places_offered", "participants_started"],
        rows: [{ row: 2, cells: ["2016", "RV3", "routine", "1,200", "10", "12"] }],
      },
      { file: "f.csv", organisations },
    );
    expect(file.ok).toBe(false);
    if (file.ok) return;
    expect(file.problems.map((p) => [p.row, p.column, p.message])).toEqual(
      check.problems.map((p) => [2, p.column, p.message]),
    );
  });

  it("reads a stored return's cells back to the same return", () => {
    const r = {
      ...blankReturn("2016", "RV3", "limited"),
      placesOffered: 12,
      championPresent: false,
      medianWaitWeeks: 7.5,
      barriers: ["service_targets", "staff_turnover"] as const,
      notes: "Pilot, 2 groups",
    };
    const stored = { ...r, barriers: [...r.barriers] };
    const cells = answerCells(stored);
    expect(cells).toMatchObject({ champion_present: "no", barriers: "service_targets;staff_turnover" });
    expect(checkFormReturn(cells, scope).value).toEqual(stored);
  });
});

describe("respondent links", () => {
  it("has a state: sent, opened, draft saved, submitted; revoked and expired win", () => {
    expect(linkState(null, NOW)).toBe("none");
    expect(linkState(link, NOW)).toBe("sent");
    expect(linkState({ ...link, openedAt: NOW }, NOW)).toBe("opened");
    expect(linkState({ ...link, openedAt: NOW, draftSavedAt: NOW }, NOW)).toBe("draft_saved");
    expect(linkState({ ...link, draftSavedAt: NOW, submittedAt: NOW }, NOW)).toBe("submitted");
    expect(linkState({ ...link, submittedAt: NOW, revokedAt: NOW }, NOW)).toBe("revoked");
    expect(linkState({ ...link, submittedAt: NOW }, "2027-05-01T00:00:00.000Z")).toBe("expired");
    expect(linkWorks(link, NOW, false)).toBe(true);
    expect(linkWorks(link, NOW, true)).toBe(false);
    expect(linkWorks({ ...link, expiresAt: NOW }, NOW, false)).toBe(false);
  });

  it("expires at the wave's fieldwork end when it is ahead, else in 60 days", () => {
    const now = new Date(NOW);
    expect(defaultLinkExpiry("2027-04-30", now)).toBe("2027-04-30T23:59:59.000Z");
    expect(defaultLinkExpiry("2027-01-31", now)).toBe("2027-04-30T12:00:00.000Z");
    expect(defaultLinkExpiry(null, now)).toBe("2027-04-30T12:00:00.000Z");
  });

  it("reads an expiry as a day (its end, UTC) or a time with a zone, ahead and within a year", () => {
    const now = new Date(NOW);
    expect(parseLinkExpiry("2027-06-30", now)).toEqual({ ok: true, expiresAt: "2027-06-30T23:59:59.000Z" });
    expect(parseLinkExpiry("2027-06-30T17:00:00+01:00", now)).toEqual({
      ok: true,
      expiresAt: "2027-06-30T16:00:00.000Z",
    });
    expect(parseLinkExpiry("2027-02-30", now)).toMatchObject({ ok: false, message: /not a date/ });
    expect(parseLinkExpiry("30/06/2027", now)).toMatchObject({ ok: false, message: /not a date/ });
    expect(parseLinkExpiry("2027-02-01", now)).toMatchObject({ ok: false, message: /not in the future/ });
    expect(parseLinkExpiry("2028-06-30", now)).toMatchObject({ ok: false, message: /366 days/ });
  });

  it("shows each organisation's link in the tracker, counted by state", () => {
    const tracker = buildResponseTracker({
      wave: { id: "2024", state: "draft", provisional: false, synthetic: false },
      organisations: FIXTURE_ORGANISATIONS,
      areas: FIXTURE_AREAS,
      returns: [{ ...blankReturn("2024", "RV3", "routine") }],
      lastChanges: new Map(),
      links: new Map([
        ["RV3", { ...link, linkId: "a", createdAt: NOW, submittedAt: NOW, draftSavedAt: NOW }],
        ["RQY", { ...link, linkId: "b", createdAt: NOW, openedAt: NOW }],
      ]),
      now: NOW,
    });
    const byCode = new Map(tracker.organisations.map((o) => [o.code, o.link]));
    expect(byCode.get("RV3")).toMatchObject({
      state: "submitted",
      submittedAt: NOW,
      unsubmittedChanges: false,
    });
    expect(byCode.get("RQY")).toMatchObject({ state: "opened", linkId: "b" });
    expect(byCode.get("RX2")).toMatchObject({ state: "none", linkId: null });
    expect(tracker.links).toEqual({
      none: tracker.invited - 2,
      sent: 0,
      opened: 1,
      draft_saved: 0,
      submitted: 1,
      revoked: 0,
      expired: 0,
    });
    // A draft saved after the submission is a correction not sent yet.
    expect(
      trackerLink(
        { ...link, linkId: "a", createdAt: NOW, submittedAt: NOW, draftSavedAt: "2027-03-02T00:00:00.000Z" },
        NOW,
      ).unsubmittedChanges,
    ).toBe(true);
  });
});
