import { esc, FONT, MUTED, tag, wrapWords } from "../charts/svg";
import { wrapToWidth } from "../charts/text-metrics";

/** What every downloaded figure says about itself. */
export interface ExportContext {
  title: string;
  /** e.g. ["Metric: offering_pct", "Wave: 2026", "Level: region"]. */
  filters: string[];
  /**
   * What a reader must know about the figure's numbers, printed under the filters: the need assumptions
   * in force, and that hatched areas rest on 1 to 4 organisations.
   */
  notes?: string[];
  source: string;
  licence: string;
  synthetic: boolean;
  /** ISO timestamp of the download. */
  exportedAt: string;
}

export const SYNTHETIC_NOTICE =
  "SYNTHETIC DEMONSTRATION DATA: not real survey returns. Do not use for decisions.";

/** The lines printed under a downloaded figure: filters, source, licence, synthetic notice, time. */
export function footerLines(context: ExportContext): string[] {
  return [
    ...(context.synthetic ? [SYNTHETIC_NOTICE] : []),
    `Filters: ${context.filters.join(" · ")}`,
    ...(context.notes ?? []),
    `Source: ${context.source}`,
    `Licence: ${context.licence}`,
    `Downloaded ${context.exportedAt} from the MBCT Access Atlas`,
  ];
}

function sizeOf(svg: string): { width: number; height: number } {
  const width = Number(/^<svg[^>]*\swidth="([\d.]+)"/.exec(svg)?.[1]);
  const height = Number(/^<svg[^>]*\sheight="([\d.]+)"/.exec(svg)?.[1]);
  if (!Number.isFinite(width) || !Number.isFinite(height)) throw new Error("figure SVG has no width/height");
  return { width, height };
}

const LINE = 15;
const TITLE_LINE = 19;

/**
 * Wraps a chart's SVG in a standalone document with a title above and the footer lines below, so a
 * downloaded file carries its own filters, source, licence and synthetic notice.
 */
export function figureForDownload(
  svg: string,
  context: ExportContext,
): { svg: string; width: number; height: number } {
  const inner = sizeOf(svg);
  // Long lines (sources, licence) wrap to the figure's width at about 6 px a character (11 px text).
  const maxChars = Math.floor((Math.max(inner.width, 560) - 24) / 6.2);
  const lines = footerLines(context).flatMap((line, i) =>
    wrapWords(line, maxChars).map((part) => ({ text: part, notice: i === 0 && context.synthetic })),
  );
  const width = Math.max(inner.width, 560);
  // A long title (need metrics have long names) wraps rather than running off the file.
  const titleLines = wrapToWidth(context.title, width - 24, 15, true);
  const top = 11 + titleLines.length * TITLE_LINE;
  const height = top + inner.height + 10 + lines.length * LINE + 8;
  const footer = lines.map((line, i) =>
    tag(
      "text",
      {
        x: 12,
        y: top + inner.height + 10 + (i + 1) * LINE - 3,
        fill: line.notice ? "#8a1c1c" : MUTED,
        "font-weight": line.notice ? 700 : 400,
        "font-size": 11,
      },
      esc(line.text),
    ),
  );
  const nested = svg.replace(/^<svg /, `<svg x="0" y="${top}" `);
  const doc = tag(
    "svg",
    {
      xmlns: "http://www.w3.org/2000/svg",
      width,
      height,
      viewBox: `0 0 ${width} ${height}`,
      "font-family": FONT,
    },
    [
      tag("rect", { width, height, fill: "#ffffff" }),
      ...titleLines.map((line, i) =>
        tag(
          "text",
          { x: 12, y: 20 + i * TITLE_LINE, "font-size": 15, "font-weight": 700, fill: "#1f2933" },
          esc(line),
        ),
      ),
      nested,
      ...footer,
    ],
  );
  return { svg: `<?xml version="1.0" encoding="UTF-8"?>\n${doc}`, width, height };
}

/** A file name that says what it is, and that the data are synthetic when they are. */
export function downloadName(parts: string[], synthetic: boolean, extension: string): string {
  const slug = parts
    .join("-")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  return `mbct-atlas-${slug}${synthetic ? "-SYNTHETIC" : ""}.${extension}`;
}
