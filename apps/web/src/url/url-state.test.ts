import { describe, expect, it } from "vitest";
import {
  applyPatch,
  DEFAULT_STATE,
  defaultMetric,
  formatMapPosition,
  MAX_COMPARE,
  MAX_SEARCH_LENGTH,
  parseMapPosition,
  parseUrlState,
  serializeUrlState,
} from "./url-state";

describe("parseUrlState", () => {
  it("gives the default view for an empty query", () => {
    expect(parseUrlState("")).toEqual(DEFAULT_STATE);
    expect(parseUrlState("?")).toEqual(DEFAULT_STATE);
  });

  it("reads every parameter", () => {
    const state = parseUrlState(
      "?view=brief&tab=compare&metric=routine_pct&wave=2024&level=local&area=E54000054&compare=E40000003,E40000005&org=RX4&from=2018&to=2024&basis=current&points=off&map=5.5/54.1/-2.3",
    );
    expect(state).toEqual({
      view: "brief",
      tab: "compare",
      metric: "routine_pct",
      wave: "2024",
      level: "local",
      area: "E54000054",
      compare: ["E40000003", "E40000005"],
      org: "RX4",
      from: "2018",
      to: "2024",
      basis: "current",
      points: "off",
      map: { zoom: 5.5, lat: 54.1, lon: -2.3 },
      need: {},
      q: "",
      status: "all",
      region: null,
    });
  });

  it("falls back to defaults for malformed or unknown values", () => {
    const state = parseUrlState(
      "?tab=nope&level=planet&wave=24&metric=DROP%20TABLE&area=<b>&map=a/b/c&view=x&points=maybe",
    );
    expect(state.points).toBe("on");
    expect(state.tab).toBe("map");
    expect(state.level).toBe("region");
    expect(state.wave).toBeNull();
    expect(state.metric).toBe("offering_pct");
    expect(state.area).toBeNull();
    expect(state.map).toBeNull();
    expect(state.view).toBe("dashboard");
  });

  it("accepts YYYY-MM waves", () => {
    expect(parseUrlState("?wave=2024-05").wave).toBe("2024-05");
    expect(parseUrlState("?wave=2024-13").wave).toBeNull();
  });

  it("drops duplicate and bad compare codes and keeps at most six", () => {
    const codes = ["A1", "A2", "A1", "bad code", "A3", "A4", "A5", "A6", "A7"];
    expect(parseUrlState(`?compare=${codes.join(",")}`).compare).toEqual([
      "A1",
      "A2",
      "A3",
      "A4",
      "A5",
      "A6",
    ]);
    expect(MAX_COMPARE).toBe(6);
  });
});

describe("serializeUrlState", () => {
  it("leaves defaults out, so the default view is the bare URL", () => {
    expect(serializeUrlState(DEFAULT_STATE)).toBe("");
    expect(serializeUrlState({ ...DEFAULT_STATE, level: "local", metric: "need_met_pct" })).toBe(
      "?level=local",
    );
  });

  it("writes parameters in a fixed order with readable commas and slashes", () => {
    const text = serializeUrlState({
      ...DEFAULT_STATE,
      area: "E54000054",
      tab: "gaps",
      compare: ["E40000003", "E40000005"],
      map: { zoom: 6, lat: 53.5, lon: -1.25 },
    });
    expect(text).toBe("?tab=gaps&area=E54000054&compare=E40000003,E40000005&map=6.00/53.5000/-1.2500");
  });

  it("round-trips through parse", () => {
    const state = parseUrlState(
      "?tab=organisation&metric=places_per_100k&wave=2020&level=nation&org=RX4&from=2012&to=2020&points=off",
    );
    expect(parseUrlState(serializeUrlState(state))).toEqual(state);
  });
});

describe("map position", () => {
  it("parses zoom/lat/lon and rejects out-of-range values", () => {
    expect(parseMapPosition("4/55/-3")).toEqual({ zoom: 4, lat: 55, lon: -3 });
    expect(parseMapPosition("30/55/-3")).toBeNull();
    expect(parseMapPosition("4/95/-3")).toBeNull();
    expect(parseMapPosition("4/55")).toBeNull();
    expect(formatMapPosition({ zoom: 4.123, lat: 55.123456, lon: -3.1 })).toBe("4.12/55.1235/-3.1000");
  });
});

describe("applyPatch", () => {
  const at = parseUrlState("?area=E54000054&map=7.00/53.8000/-1.5000");

  it("drops the map's position when another area is chosen, so the map goes to it", () => {
    expect(applyPatch(at, { area: "E54000050" })).toMatchObject({ area: "E54000050", map: null });
    expect(applyPatch(at, { area: null }).map).toBeNull();
  });

  it("keeps the position for every other change, and when the change sets one itself", () => {
    expect(applyPatch(at, { wave: "2020", level: "local" }).map).toEqual(at.map);
    expect(applyPatch(at, { area: "E54000054" }).map).toEqual(at.map);
    const position = { zoom: 5, lat: 54, lon: -2 };
    expect(applyPatch(at, { area: "E54000050", map: position }).map).toEqual(position);
  });
});

describe("the metric default per level", () => {
  it("opens local areas on the need-based metric and the levels above on the share offering", () => {
    expect(parseUrlState("?level=local").metric).toBe("need_met_pct");
    expect(parseUrlState("?level=region").metric).toBe("offering_pct");
    expect(parseUrlState("?level=local&metric=offering_pct").metric).toBe("offering_pct");
    expect(defaultMetric("local")).toBe("need_met_pct");
  });

  it("writes no metric when it is the level's default, and writes it when it is not", () => {
    expect(serializeUrlState(parseUrlState("?level=local"))).toBe("?level=local");
    expect(serializeUrlState({ ...DEFAULT_STATE, level: "local", metric: "offering_pct" })).toBe(
      "?metric=offering_pct&level=local",
    );
    expect(serializeUrlState({ ...DEFAULT_STATE, level: "region", metric: "need_met_pct" })).toBe(
      "?metric=need_met_pct",
    );
  });

  it("moves to the new level's default on a level change only when the old default was on screen", () => {
    const region = parseUrlState("");
    expect(applyPatch(region, { level: "local" }).metric).toBe("need_met_pct");
    expect(applyPatch(parseUrlState("?level=local"), { level: "region" }).metric).toBe("offering_pct");
    const chosen = parseUrlState("?metric=routine_pct");
    expect(applyPatch(chosen, { level: "local" }).metric).toBe("routine_pct");
    expect(applyPatch(region, { level: "local", metric: "offering_pct" }).metric).toBe("offering_pct");
  });
});

describe("need assumptions in the URL", () => {
  it("reads each assumption within its bounds", () => {
    expect(parseUrlState("?groupSize=10&commissionPct=20.5&costPerPlace=150").need).toEqual({
      groupSize: 10,
      commissionPct: 20.5,
      costPerPlace: 150,
    });
  });

  it("drops malformed, out-of-bounds, fractional whole-number and default values", () => {
    const state = parseUrlState(
      "?groupSize=7&atRisk=abc&commissionPct=101&teachersPerCourse=-1&coursesPerTeacher=2&costPerPlace=1e3&atRisk=600000.5",
    );
    expect(state.need).toEqual({});
    expect(parseUrlState("?groupSize=12.5").need).toEqual({});
    expect(parseUrlState("?groupSize=15").need).toEqual({ groupSize: 15 });
  });

  it("writes only non-default values, in the catalogue's order, and round-trips", () => {
    expect(serializeUrlState({ ...DEFAULT_STATE, need: { groupSize: 12 } })).toBe("");
    const state = {
      ...DEFAULT_STATE,
      level: "local" as const,
      metric: "need_met_pct",
      need: { costPerPlace: 200, atRisk: 600000 },
    };
    const text = serializeUrlState(state);
    expect(text).toBe("?level=local&atRisk=600000&costPerPlace=200");
    expect(parseUrlState(text)).toEqual(state);
  });

  it("keeps the assumptions through other changes", () => {
    const state = parseUrlState("?groupSize=10");
    expect(applyPatch(state, { area: "E54000054", level: "local" }).need).toEqual({ groupSize: 10 });
  });
});

describe("the organisation directory's parameters", () => {
  it("reads the search, the open/closed filter and the region", () => {
    const state = parseUrlState("?view=directory&q=Leeds%20NHS&status=closed&region=E40000012");
    expect(state).toMatchObject({ view: "directory", q: "Leeds NHS", status: "closed", region: "E40000012" });
  });

  it("keeps the search as typed (a trailing space survives), without control characters, capped in length", () => {
    expect(parseUrlState("?view=directory&q=leeds%20").q).toBe("leeds ");
    expect(parseUrlState("?view=directory&q=le%00e%0Ads").q).toBe("leeds");
    expect(parseUrlState(`?view=directory&q=${"a".repeat(200)}`).q).toHaveLength(MAX_SEARCH_LENGTH);
  });

  it("falls back to every organisation for an unknown status or a malformed region", () => {
    const state = parseUrlState("?view=directory&status=maybe&region=%3Cscript%3E");
    expect(state.status).toBe("all");
    expect(state.region).toBeNull();
  });

  it("writes them on the directory only, defaults left out, and round-trips", () => {
    const directory = {
      ...DEFAULT_STATE,
      view: "directory" as const,
      q: "leeds & york",
      status: "open" as const,
    };
    const search = serializeUrlState(directory);
    expect(search).toBe("?view=directory&q=leeds+%26+york&status=open");
    expect(parseUrlState(search)).toEqual(directory);
    expect(serializeUrlState({ ...directory, status: "all", region: "E40000012" })).toBe(
      "?view=directory&q=leeds+%26+york&region=E40000012",
    );
    expect(serializeUrlState({ ...DEFAULT_STATE, view: "directory" })).toBe("?view=directory");
  });

  it("leaves them behind when a link goes from the directory to the dashboard", () => {
    const directory = { ...DEFAULT_STATE, view: "directory" as const, q: "leeds", status: "closed" as const };
    const journey = applyPatch(directory, { view: "dashboard", tab: "organisation", org: "RGD" });
    expect(serializeUrlState(journey)).toBe("?tab=organisation&org=RGD");
  });
});
