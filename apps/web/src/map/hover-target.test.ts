import type { FeatureCollection, Point } from "geojson";
import { describe, expect, it } from "vitest";
import type { AreaMapProperties, OrganisationMapProperties } from "./geo";
import { currentHoverTarget } from "./hover-target";

const area = (code: string, value: number | null, status: AreaMapProperties["status"] = "ok") =>
  ({
    code,
    name: `Area ${code}`,
    status,
    value,
    lower: null,
    upper: null,
    answered: 3,
    invited: 4,
    organisations: 3,
    smallBase: false,
    numerator: null,
    denominator: null,
    comparisonReason: null,
    lowerBound: false,
    upperBound: false,
    boundLower: null,
    boundUpper: null,
    fill: status === "ok" ? "#123456" : null,
    pattern: null,
  }) satisfies AreaMapProperties;

const points = (...orgs: Array<[string, string]>): FeatureCollection<Point, OrganisationMapProperties> => ({
  type: "FeatureCollection",
  features: orgs.map(([code, provision]) => ({
    type: "Feature",
    geometry: { type: "Point", coordinates: [0, 0] },
    properties: { code, name: `Org ${code}`, provision, stage: null, places: 12 },
  })),
});

describe("currentHoverTarget", () => {
  it("shows the hovered area's values from the data drawn now, at the same place", () => {
    const hovered = { kind: "area" as const, x: 10, y: 20, properties: area("A", 40) };
    expect(currentHoverTarget(hovered, [area("B", 1), area("A", 75)], null)).toEqual({
      kind: "area",
      x: 10,
      y: 20,
      properties: area("A", 75),
    });
    expect(currentHoverTarget(hovered, [area("A", null, "no_data")], null)).toMatchObject({
      properties: { status: "no_data", value: null },
    });
  });

  it("keeps an area no longer drawn (the one just drilled into), drops an organisation not in the wave", () => {
    const drilled = { kind: "area" as const, x: 0, y: 0, properties: area("A", 40) };
    expect(currentHoverTarget(drilled, [area("A1", 1), area("A2", 2)], null)).toBe(drilled);
    const org = points(["RX1", "routine"]).features[0]!.properties;
    expect(currentHoverTarget({ kind: "organisation", x: 0, y: 0, properties: org }, [], null)).toBeNull();
    expect(
      currentHoverTarget({ kind: "organisation", x: 0, y: 0, properties: org }, [], points(["RX2", "none"])),
    ).toBeNull();
  });

  it("shows an organisation's provision in the wave drawn now", () => {
    const org = points(["RX1", "routine"]).features[0]!.properties;
    const now = currentHoverTarget(
      { kind: "organisation", x: 5, y: 6, properties: org },
      [],
      points(["RX1", "paused"]),
    );
    expect(now).toMatchObject({ kind: "organisation", x: 5, y: 6, properties: { provision: "paused" } });
    expect(currentHoverTarget(null, [area("A", 1)], null)).toBeNull();
  });
});
