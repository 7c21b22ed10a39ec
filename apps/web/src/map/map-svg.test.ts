import type { FeatureCollection, MultiPolygon, Point, Polygon } from "geojson";
import { describe, expect, it } from "vitest";
import { classify, legendCounts } from "./classes";
import type { AreaMapProperties, OrganisationMapProperties } from "./geo";
import { mapSvg } from "./map-svg";
import { POINT_MARKS, POINT_STATUSES } from "./point-marks";

const square = (x: number) => [
  [
    [x, 53],
    [x + 1, 53],
    [x + 1, 54],
    [x, 54],
    [x, 53],
  ],
];

const area = (code: string, x: number, value: number | null): AreaMapProperties & { x: number } => ({
  x,
  code,
  name: `Area ${code}`,
  status: value === null ? "suppressed" : "ok",
  value,
  lower: null,
  upper: null,
  answered: 2,
  invited: 2,
  organisations: 2,
  smallBase: false,
  numerator: null,
  denominator: null,
  comparisonReason: null,
  lowerBound: false,
  upperBound: false,
  boundLower: null,
  boundUpper: null,
  fill: value === null ? null : "#21918c",
  pattern: null,
});

const areas: FeatureCollection<Polygon | MultiPolygon, AreaMapProperties> = {
  type: "FeatureCollection",
  features: [area("A", -3, 6.5), area("B", -2, null)].map(({ x, ...properties }) => ({
    type: "Feature",
    geometry: { type: "Polygon", coordinates: square(x) },
    properties,
  })),
};

const points: FeatureCollection<Point, OrganisationMapProperties> = {
  type: "FeatureCollection",
  features: (["routine", "paused", "not_surveyed"] as const).map((provision, i) => ({
    type: "Feature",
    geometry: { type: "Point", coordinates: [-2.5 + i * 0.3, 53.5] },
    properties: { code: `O${i}`, name: `Org ${i}`, provision, stage: null, places: i * 10 },
  })),
};

describe("the exported map", () => {
  const classification = classify({ unit: "weeks" }, [6.5]);
  const svg = mapSvg(
    {
      areas,
      points,
      classification,
      counts: legendCounts(classification, [
        { value: 6.5, status: "ok" },
        { value: null, status: "suppressed" },
      ]),
      provisionCounts: new Map([
        ["routine", 1],
        ["paused", 1],
        ["not_surveyed", 1],
      ]),
      legendTitle: "Median wait for MBCT, 2026",
      metric: { polarity: "lower_is_better", id: "median_wait_weeks" },
      selected: null,
    },
    { width: 960, height: 900 },
    { id: "t", title: "Map", description: "A map." },
  );

  it("keys the areas with units, direction and counts", () => {
    const labels = [...svg.matchAll(/class="class-label">([^<]*)</g)].map((m) => m[1]!);
    expect(labels.length).toBe(classification.colours.length);
    for (const label of labels) expect(label).toMatch(/ weeks \(\d+\)$/);
    expect(svg).toContain("Darker is higher. Lower is better.");
    expect(svg).toContain("worked out (1)");
  });

  it("keys the points: every answer's mark with its count, and the sizes", () => {
    expect(svg).toContain(">Organisations: shape and");
    for (const status of POINT_STATUSES) {
      expect(svg).toContain(`class="point-key ${status}"`);
      expect(svg).toContain(`${POINT_MARKS[status].label} (`);
    }
    expect(svg).toContain("Routine (1)");
    expect(svg).toContain("Withheld (0)");
    expect(svg).toContain(">places<");
  });

  it("draws each point with its answer's mark", () => {
    const drawn = [
      ...svg.matchAll(/<path transform="[^"]*" d="([^"]*)" fill="([^"]*)"[^>]*class="organisation"/g),
    ];
    expect(drawn.map((m) => m[2])).toEqual([
      POINT_MARKS.routine.fill,
      POINT_MARKS.paused.fill,
      POINT_MARKS.not_surveyed.fill,
    ]);
  });
});

describe("the exported map's small bases", () => {
  const small = {
    ...area("C", -1, 0),
    smallBase: true,
    organisations: 1,
    numerator: 0,
    denominator: 1,
  };
  const { x, ...properties } = small;
  const withSmall: FeatureCollection<Polygon | MultiPolygon, AreaMapProperties> = {
    type: "FeatureCollection",
    features: [
      ...areas.features,
      { type: "Feature", geometry: { type: "Polygon", coordinates: square(x) }, properties },
    ],
  };
  const classification = classify({ unit: "percent" }, [0]);
  const svg = mapSvg(
    {
      areas: withSmall,
      points: null,
      classification,
      counts: legendCounts(classification, [{ value: 0, status: "ok", organisations: 1, answered: 1 }]),
      provisionCounts: null,
      legendTitle: "Organisations offering MBCT, 2026",
      metric: { polarity: "higher_is_better", id: "offering_pct" },
      selected: null,
    },
    { width: 960, height: 900 },
    { id: "s", title: "Map", description: "A map." },
  );

  it("hatches only the areas resting on 1 to 4 organisations, and keys them with their count", () => {
    expect([...svg.matchAll(/class="small-base" data-code="([^"]+)"/g)].map((m) => m[1])).toEqual(["C"]);
    expect(svg).toContain("Area C: 0.0 (0 of 1 organisation offers MBCT)");
    const words = svg.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
    expect(words).toContain("Rests on 1–4 organisations (hatched: read with care) (1)");
  });
});
