import { NO_LINK, type TrackerEntry } from "@atlas/domain";
import { describe, expect, it } from "vitest";
import { filterTracker, linkStateText, NO_FILTER, shortDateTime, sortTracker } from "./tracker-rows";

const entry = (code: string, name: string, over: Partial<TrackerEntry> = {}): TrackerEntry => ({
  code,
  name,
  type: "mental_health_trust",
  areaCode: "E40000001",
  areaName: "North East",
  status: "missing",
  provision: null,
  lastChange: null,
  link: NO_LINK,
  ...over,
});

const rows = [
  entry("RX4", "Cumbria, Northumberland, Tyne and Wear", { status: "returned", provision: "routine" }),
  entry("RV3", "Central and North West London", {
    areaName: "London",
    link: { ...NO_LINK, state: "sent", linkId: "l1" },
  }),
  entry("R1F", "Isle of Wight", { status: "no_response", areaName: "South East" }),
  entry("RRP", "Barnet, Enfield and Haringey", { areaName: "London" }),
];

describe("the tracker's rows", () => {
  it("filters by return status, link state and text in the name, code or area (any case)", () => {
    const codes = (f: Partial<typeof NO_FILTER>) =>
      filterTracker(rows, { ...NO_FILTER, ...f }).map((r) => r.code);
    expect(codes({})).toEqual(["RX4", "RV3", "R1F", "RRP"]);
    expect(codes({ status: "missing" })).toEqual(["RV3", "RRP"]);
    expect(codes({ link: "sent" })).toEqual(["RV3"]);
    expect(codes({ text: "london" })).toEqual(["RV3", "RRP"]);
    expect(codes({ text: " r1f " })).toEqual(["R1F"]);
    expect(codes({ status: "returned", text: "london" })).toEqual([]);
  });

  it("sorts the organisations to chase first by status, ties by name, and reverses on demand", () => {
    const sorted = sortTracker(rows, { key: "status", direction: "ascending" }).map((r) => r.code);
    expect(sorted).toEqual(["RRP", "RV3", "R1F", "RX4"]);
    expect(sortTracker(rows, { key: "status", direction: "descending" }).map((r) => r.code)).toEqual(
      [...sorted].reverse(),
    );
    expect(sortTracker(rows, { key: "name", direction: "ascending" }).map((r) => r.name)).toEqual([
      "Barnet, Enfield and Haringey",
      "Central and North West London",
      "Cumbria, Northumberland, Tyne and Wear",
      "Isle of Wight",
    ]);
    expect(
      sortTracker(rows, { key: "link", direction: "ascending" })
        .map((r) => r.code)
        .at(-1),
    ).toBe("RV3");
  });

  it("says each link state in words, with the time that matters for it", () => {
    const at = "2026-12-02T03:10:00.000Z";
    expect(linkStateText(NO_LINK)).toBe("No link");
    expect(linkStateText({ ...NO_LINK, state: "sent" })).toBe("Sent");
    expect(linkStateText({ ...NO_LINK, state: "opened", openedAt: at })).toBe(`Opened ${shortDateTime(at)}`);
    expect(linkStateText({ ...NO_LINK, state: "draft_saved", draftSavedAt: at })).toBe(
      `Draft saved ${shortDateTime(at)}`,
    );
    expect(linkStateText({ ...NO_LINK, state: "submitted", submittedAt: at })).toBe(
      `Submitted ${shortDateTime(at)}`,
    );
    expect(linkStateText({ ...NO_LINK, state: "submitted", submittedAt: at, unsubmittedChanges: true })).toBe(
      `Submitted ${shortDateTime(at)} (later changes not submitted)`,
    );
    expect(linkStateText({ ...NO_LINK, state: "revoked", revokedAt: at })).toBe(
      `Revoked ${shortDateTime(at)}`,
    );
    expect(linkStateText({ ...NO_LINK, state: "expired", expiresAt: at })).toBe(
      `Expired ${shortDateTime(at)}`,
    );
    expect(shortDateTime(at)).toMatch(/^\d{1,2} Dec 2026, \d{2}:\d{2}$/);
  });
});
