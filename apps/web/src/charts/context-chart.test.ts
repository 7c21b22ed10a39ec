import type { ContextSeries } from "@atlas/domain";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { contextAttribution, contextChart, contextCsv, contextTable, REAL_DATA_BADGE } from "./context-chart";
import { labelsOutside, overlappingLabels } from "./label-boxes";
import { count, meta } from "./test-fixtures";

const series: ContextSeries = {
  id: "tt_mindfulness",
  title: "Mindfulness appointments in NHS Talking Therapies, England",
  measure: "Attended appointments recorded as mindfulness.",
  differsFromSurvey: "A different measure from the survey: appointments, not organisations.",
  geography: "England",
  unit: "appointments",
  synthetic: false,
  publisher: "NHS England",
  source: "NHS Talking Therapies annual reports, Table 1",
  sourceColumn: "courses_of_therapy",
  licence: "Open Government Licence v3.0",
  licenceUrl: "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
  attribution: "Contains public sector information licensed under the Open Government Licence v3.0.",
  points: [
    { period: "2022-23", start: "2022-04-01", end: "2023-03-31", value: 5557, allTherapyTypes: 3828350 },
    { period: "2023-24", start: "2023-04-01", end: "2024-03-31", value: 7764, allTherapyTypes: 4001616 },
    { period: "2024-25", start: "2024-04-01", end: "2025-03-31", value: 6483, allTherapyTypes: 4134016 },
  ],
};

describe("the national context figure", () => {
  it("names its period from the series, first to last", () => {
    expect(contextAttribution(series).period).toBe("2022-23 to 2024-25 (financial years, April to March)");
    expect(contextAttribution(series).licence).toContain(series.licenceUrl);
  });

  it("draws a column per period, says on the figure that the data are real, and carries source and licence", () => {
    const svg = contextChart(series, 420, meta("ctx"));
    expect(count(svg, /class="context-bar"/)).toBe(series.points.length);
    expect(svg).toContain(REAL_DATA_BADGE);
    expect(svg).not.toMatch(/synthetic demonstration/i);
    expect(svg).toContain("Source: NHS England, England, 2022-23 to 2024-25");
    expect(svg).toContain("Open Government Licence v3.0");
    expect(svg).toContain("2023-24: 7,764 appointments (England)");
    expect(overlappingLabels(svg)).toEqual([]);
    expect(labelsOutside(svg)).toEqual([]);
  });

  it("stays readable in a narrow column and on a phone, thinning the period labels", () => {
    const six = {
      ...series,
      points: ["2019-20", "2020-21", "2021-22", "2022-23", "2023-24", "2024-25"].map((period, i) => ({
        period,
        start: `${2019 + i}-04-01`,
        end: `${2020 + i}-03-31`,
        value: 5000 + i * 1111,
        allTherapyTypes: 3_500_000,
      })),
    };
    for (const width of [280, 340, 420, 700]) {
      const svg = contextChart(six, width, meta(`ctx-${width}`));
      expect(overlappingLabels(svg), `${width}`).toEqual([]);
      expect(labelsOutside(svg), `${width}`).toEqual([]);
      expect(count(svg, /class="context-bar"/)).toBe(6);
    }
    expect(contextChart(six, 700, meta("wide"))).toContain(">2020-21</text>");
  });

  it("gives every period in its table, with the all-therapies count for scale", () => {
    const table = contextTable(series);
    expect(table.rows).toEqual(
      series.points.map((p) => [
        p.period,
        p.start,
        p.end,
        p.value.toLocaleString("en-GB"),
        p.allTherapyTypes.toLocaleString("en-GB"),
      ]),
    );
    expect(table.caption).toContain("real published data");
  });

  it("downloads as CSV with the header first and the provenance on every row", () => {
    const rows = parse(contextCsv(series, "2026-12-02T03:00:00.000Z"), { columns: true }) as Record<
      string,
      string
    >[];
    expect(rows.map((r) => Number(r.value))).toEqual(series.points.map((p) => p.value));
    for (const row of rows) {
      expect(row.synthetic).toBe("no");
      expect(row.licence).toContain("Open Government Licence v3.0");
      expect(row.source).toBe(series.source);
      expect(row.exported_at).toBe("2026-12-02T03:00:00.000Z");
    }
  });
});
