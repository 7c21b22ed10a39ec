import type { AreaValue } from "@atlas/domain";
import type { TrendSeries } from "./trend-chart";

/** Fixed data for chart tests: small, hand-made, covering every status. */

export const meta = (id: string) => ({ id, title: `Chart ${id}`, description: `Test chart ${id}` });

/** How many times `pattern` occurs in `text`. */
export function count(text: string, pattern: RegExp): number {
  return [
    ...text.matchAll(
      new RegExp(pattern.source, pattern.flags.includes("g") ? pattern.flags : `${pattern.flags}g`),
    ),
  ].length;
}

const point = (
  wave: string,
  value: number | null,
  status: TrendSeries["points"][number]["status"] = "ok",
  denominator: number | null = 10,
  changed = false,
) => ({
  wave,
  value,
  lower: value === null ? null : Math.max(0, value - 8),
  upper: value === null ? null : Math.min(100, value + 8),
  numerator: value === null || denominator === null ? null : Math.round((value / 100) * denominator),
  denominator,
  status,
  changed,
});

export const WAVES = ["2012", "2014", "2016", "2018"];

export const TREND_SERIES: TrendSeries[] = [
  {
    code: "E40000003",
    name: "London",
    points: [point("2012", 20), point("2014", 30), point("2016", 35, "ok", 10, true), point("2018", 40)],
  },
  {
    code: "E40000005",
    name: "South East",
    points: [
      point("2012", null, "no_data", 0),
      point("2014", 25, "ok", 3),
      point("2016", null, "suppressed"),
      point("2018", 50),
    ],
  },
];

export const areaValue = (
  code: string,
  value: number | null,
  overrides: Partial<AreaValue> = {},
): AreaValue => ({
  code,
  name: `Name ${code}`,
  parentCode: null,
  value,
  lower: value === null ? null : value - 10,
  upper: value === null ? null : value + 10,
  numerator: value === null ? null : Math.round(value / 10),
  denominator: value === null ? null : 10,
  status: value === null ? "no_data" : "ok",
  comparison: "similar",
  comparisonReason: null,
  assessment: "similar",
  invited: 10,
  answered: value === null ? 0 : 10,
  ...overrides,
});
