import type { AreaValue } from "@atlas/domain";
import { describe, expect, it } from "vitest";
import type { BoundaryTopology } from "../api/topology";
import { classify } from "./classes";
import { boundaryFeatures, featureBounds, joinValues, organisationPoints, provisionTally } from "./geo";

// Two unit squares side by side, one closed arc each (no quantisation).
const topology = {
  type: "Topology",
  arcs: [
    [
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 1],
      [0, 0],
    ],
    [
      [1, 0],
      [2, 0],
      [2, 1],
      [1, 1],
      [1, 0],
    ],
  ],
  objects: {
    areas: {
      type: "GeometryCollection",
      geometries: [
        { type: "Polygon", arcs: [[0]], properties: { code: "A", name: "Area A" } },
        { type: "Polygon", arcs: [[1]], properties: { code: "B", name: "Area B" } },
      ],
    },
  },
} as unknown as BoundaryTopology;

const row = (code: string, value: number | null, status: AreaValue["status"]): AreaValue => ({
  code,
  name: `Name ${code}`,
  parentCode: null,
  value,
  lower: value === null ? null : value - 5,
  upper: value === null ? null : value + 5,
  numerator: null,
  denominator: null,
  status,
  comparison: "not_compared",
  comparisonReason: "no_value",
  assessment: "not_compared",
  invited: 3,
  answered: value === null ? 0 : 3,
});

describe("boundaries and values", () => {
  const features = boundaryFeatures(topology);

  it("reads the areas object as polygons with code and name", () => {
    expect(features.map((f) => f.properties.code)).toEqual(["A", "B"]);
    expect(featureBounds(features[1]!.geometry)).toEqual([1, 0, 2, 1]);
  });

  it("colours areas with a value and patterns the rest, naming why", () => {
    const joined = joinValues(
      features,
      [row("A", 45, "ok"), row("B", null, "suppressed")],
      classify({ unit: "percent" }, []),
    );
    const [a, b] = joined.features.map((f) => f.properties);
    expect(a).toMatchObject({ status: "ok", value: 45, fill: "#21918c", pattern: null });
    expect(b).toMatchObject({ status: "suppressed", value: null, fill: null, pattern: "status-suppressed" });
  });

  it("shows an area the API left out as no data, not blank", () => {
    const joined = joinValues(features, [row("A", 0, "ok")], classify({ unit: "percent" }, []));
    expect(joined.features[1]!.properties).toMatchObject({
      code: "B",
      status: "no_data",
      pattern: "status-no_data",
    });
    expect(joined.features[0]!.properties.fill).toBe("#fde725");
  });
});

describe("organisation points", () => {
  const org = (code: string, provision: "routine" | "none" | null, lat: number | null) => ({
    code,
    name: code,
    type: "mental_health_trust" as const,
    areaCode: "A",
    lat,
    lon: lat === null ? null : -1,
    openedOn: null,
    closedOn: null,
    successorCode: null,
    source: "test",
    areaName: "Area A",
    provision,
    stage: null,
    placesOffered: provision === "routine" ? 24 : null,
  });

  it("places located organisations in lon/lat order and counts provision in vocabulary order", () => {
    const points = organisationPoints([
      org("X", "none", 52),
      org("Y", "routine", 53),
      org("Z", null, null),
      org("W", null, 51),
    ]);
    expect(points.features.map((f) => f.geometry.coordinates)).toEqual([
      [-1, 52],
      [-1, 53],
      [-1, 51],
    ]);
    expect([...provisionTally(points)]).toEqual([
      ["routine", 1],
      ["none", 1],
      ["not_surveyed", 1],
    ]);
  });
});
