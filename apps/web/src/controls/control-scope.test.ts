import { describe, expect, it } from "vitest";
import { TABS } from "../url/url-state";
import { controlScopes, scopeText } from "./control-scope";

describe("controlScopes", () => {
  it("uses every filter on the map, the table and Compare", () => {
    for (const tab of ["map", "table", "compare"] as const) {
      const scopes = controlScopes({ tab, org: null });
      expect([scopes.metric, scopes.wave, scopes.level].every((s) => s.applies && !s.note)).toBe(true);
    }
  });

  it("says what Level and Wave mean on the Chart tab, where the trend shows every nation and wave", () => {
    const chart = controlScopes({ tab: "chart", org: null });
    expect(chart.level.applies).toBe(true);
    expect(scopeText(chart.level)).toMatch(/ranking.*UK and each nation/);
    expect(scopeText(chart.wave)).toMatch(/ranking/);
  });

  it("disables, with the reason, the filters a view ignores", () => {
    expect(controlScopes({ tab: "gaps", org: null }).metric).toMatchObject({ applies: false });
    const change = controlScopes({ tab: "change", org: null });
    expect(change.level).toMatchObject({
      applies: false,
      reason: expect.stringMatching(/every organisation/),
    });
    expect(controlScopes({ tab: "organisation", org: "RX4" }).wave).toMatchObject({ applies: false });
    expect(controlScopes({ tab: "organisation", org: null }).wave.applies).toBe(true);
    // Every tab has an answer for every control.
    for (const tab of TABS)
      for (const scope of Object.values(controlScopes({ tab, org: null }))) expect(scope).toBeDefined();
  });
});
