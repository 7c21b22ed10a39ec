import { describe, expect, it } from "vitest";
import { textWidth } from "../charts/text-metrics";
import {
  downloadName,
  type ExportContext,
  figureForDownload,
  footerLines,
  SYNTHETIC_NOTICE,
} from "./export-svg";

const context: ExportContext = {
  title: "Organisations offering MBCT, 2026",
  filters: ["metric offering_pct", "wave 2026", "level region"],
  source: "MBCT provision survey",
  licence:
    "Open Government Licence v3.0 (https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/)",
  synthetic: true,
  exportedAt: "2026-11-26T08:00:00.000Z",
};

describe("downloaded figures", () => {
  it("carry the synthetic notice first, then filters, source, licence and time", () => {
    expect(footerLines(context)).toEqual([
      SYNTHETIC_NOTICE,
      "Filters: metric offering_pct · wave 2026 · level region",
      "Source: MBCT provision survey",
      `Licence: ${context.licence}`,
      "Downloaded 2026-11-26T08:00:00.000Z from the MBCT Access Atlas",
    ]);
    expect(footerLines({ ...context, synthetic: false })[0]).toMatch(/^Filters/);
    // Notes about the numbers (the need assumptions, small bases) come right under the filters.
    const notes = ["Need: 580,000 at risk × 15% commissioned", "Hatched areas rest on 1–4 organisations (3)"];
    expect(footerLines({ ...context, notes }).slice(1, 4)).toEqual([
      "Filters: metric offering_pct · wave 2026 · level region",
      ...notes,
    ]);
  });

  it("wrap the chart with its title above and the footer below", () => {
    const chart =
      '<svg xmlns="http://www.w3.org/2000/svg" width="600" height="300"><rect width="600" height="300"/></svg>';
    const figure = figureForDownload(chart, context);
    expect(figure.width).toBe(600);
    // The licence line is too long for 600 px and wraps: six footer lines in all.
    expect(figure.height).toBe(30 + 300 + 10 + 6 * 15 + 8);
    const texts = [...figure.svg.matchAll(/font-size="11">([^<]*)<\/text>/g)].map((m) => m[1]!);
    expect(texts).toHaveLength(6);
    for (const line of texts) expect(line.length).toBeLessThanOrEqual(Math.floor((600 - 24) / 6.2));
    expect(figure.svg).toMatch(/^<\?xml/);
    expect(figure.svg).toContain('<svg x="0" y="30" xmlns');
    expect(figure.svg).toContain("SYNTHETIC DEMONSTRATION DATA");
    expect(figure.svg).toContain("Organisations offering MBCT, 2026</text>");
  });

  it("wrap a title too long for the figure onto more lines, moving the chart down to match", () => {
    const chart =
      '<svg xmlns="http://www.w3.org/2000/svg" width="560" height="200"><rect width="560" height="200"/></svg>';
    const title =
      "Need met: places offered as a share of places needed, 2026: local areas against the UK, ranked";
    const figure = figureForDownload(chart, { ...context, title });
    const lines = [...figure.svg.matchAll(/font-size="15" font-weight="700"[^>]*>([^<]*)<\/text>/g)].map(
      (m) => m[1]!,
    );
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(" ")).toBe(title);
    for (const line of lines) expect(textWidth(line, 15, true)).toBeLessThanOrEqual(560 - 24);
    expect(figure.svg).toContain(`<svg x="0" y="${11 + lines.length * 19}" xmlns`);
  });

  it("are named for what they show, and say SYNTHETIC when they are", () => {
    expect(downloadName(["map", "offering_pct", "2026", "region"], true, "png")).toBe(
      "mbct-atlas-map-offering-pct-2026-region-SYNTHETIC.png",
    );
    expect(downloadName(["Journey", "RX4"], false, "svg")).toBe("mbct-atlas-journey-rx4.svg");
  });
});
