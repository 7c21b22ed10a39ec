import { describe, expect, it } from "vitest";
import { DEFAULT_STATE, type ViewState } from "../url/url-state";
import { pageTitle, type TitleParts } from "./page-title";

const parts = (state: Partial<ViewState>, more: Partial<TitleParts> = {}): TitleParts => ({
  state: { ...DEFAULT_STATE, ...state },
  metricTitle: "Organisations offering MBCT",
  wave: "2026",
  areaName: null,
  orgName: null,
  compareNames: [],
  ...more,
});

describe("pageTitle", () => {
  it("names the metric, wave and level, then the view, then the site", () => {
    expect(pageTitle(parts({}))).toBe("Organisations offering MBCT, 2026: regions · Map · MBCT Access Atlas");
    expect(pageTitle(parts({ tab: "table", level: "local" }))).toBe(
      "Organisations offering MBCT, 2026: local areas · Table · MBCT Access Atlas",
    );
  });

  it("puts the selected area first, the ICB said short", () => {
    expect(
      pageTitle(
        parts({ tab: "chart", area: "E54000054" }, { areaName: "NHS West Yorkshire Integrated Care Board" }),
      ),
    ).toBe("NHS West Yorkshire ICB · Organisations offering MBCT, 2026: regions · Chart · MBCT Access Atlas");
  });

  it("says which gaps, comparison, journey or brief is open", () => {
    expect(pageTitle(parts({ tab: "gaps", level: "local" }))).toBe(
      "Gaps in provision, 2026: local areas · Gaps · MBCT Access Atlas",
    );
    expect(pageTitle(parts({ tab: "compare" }, { compareNames: ["London", "South East"] }))).toBe(
      "London, South East · Organisations offering MBCT, 2026 · Compare areas · MBCT Access Atlas",
    );
    expect(
      pageTitle(
        parts(
          { tab: "organisation", org: "RX4" },
          { orgName: "Cumbria, Northumberland, Tyne and Wear NHS FT" },
        ),
      ),
    ).toBe("Cumbria, Northumberland, Tyne and Wear NHS FT · Organisation journey · MBCT Access Atlas");
    expect(
      pageTitle(
        parts({ view: "brief", area: "W11000029" }, { areaName: "Cardiff and Vale University Health Board" }),
      ),
    ).toBe("Area brief: Cardiff and Vale University Health Board · 2026 · MBCT Access Atlas");
  });

  it("leaves out what has not loaded yet", () => {
    expect(pageTitle(parts({ tab: "organisation" }, { metricTitle: null, wave: null }))).toBe(
      "Organisation journey · MBCT Access Atlas",
    );
    expect(pageTitle(parts({}, { metricTitle: null, wave: null }))).toBe("Map · MBCT Access Atlas");
  });

  it("names the directory, with what it lists when searched or filtered", () => {
    expect(pageTitle(parts({ view: "directory" }))).toBe("Organisation directory · MBCT Access Atlas");
    expect(pageTitle(parts({ view: "directory", q: " leeds ", status: "closed" }))).toBe(
      "Closed organisations matching “leeds” · Organisation directory · MBCT Access Atlas",
    );
    expect(
      pageTitle(
        parts({ view: "directory", status: "open", region: "S99999999" }, { regionName: "Scotland" }),
      ),
    ).toBe("Open organisations in Scotland · Organisation directory · MBCT Access Atlas");
  });
});

describe("the survey team's page title", () => {
  it("names the page and the wave being tracked, never the dashboard's metric", () => {
    expect(pageTitle(parts({ view: "survey-team" }))).toBe("Survey team · MBCT Access Atlas");
    expect(pageTitle(parts({ view: "survey-team", wave: "2027" }))).toBe(
      "Survey team: wave 2027 · MBCT Access Atlas",
    );
  });
});
