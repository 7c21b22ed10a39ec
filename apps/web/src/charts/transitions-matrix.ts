import { PROVISIONS, STAGES } from "@atlas/domain";
import { vocabularyWords } from "../format/provision";
import { textOn } from "./contrast";
import { columnHeaders, textLines } from "./layout";
import { MUTED, type SvgMeta, svgDocument, tag, text, titleTag } from "./svg";
import { fitText, textWidth, wrapToWidth } from "./text-metrics";

export interface Transition {
  from: string;
  to: string;
  count: number;
}

export interface TransitionsInput {
  fromWave: string;
  toWave: string;
  transitions: Transition[];
  /** What moves: stages are ordered, so the chart can say forward and back. */
  kind: "stage" | "provision";
}

const ORDER: string[] = [...STAGES, ...PROVISIONS];

/** Categories in vocabulary order, unknown ones (e.g. "not surveyed") after, alphabetically. */
export function orderCategories(values: Iterable<string>): string[] {
  return [...new Set(values)].sort((a, b) => {
    const ia = ORDER.indexOf(a);
    const ib = ORDER.indexOf(b);
    if (ia >= 0 && ib >= 0) return ia - ib;
    if (ia >= 0) return -1;
    if (ib >= 0) return 1;
    return a.localeCompare(b);
  });
}

/** Light-to-dark blue for counts (ColorBrewer Blues without the mid-tone #4292c6, on which no text reaches 4.5:1); text is dark or white, whichever reads better (tested). */
export const TRANSITION_SHADES = [
  "#f7fbff",
  "#deebf7",
  "#c6dbef",
  "#9ecae1",
  "#6baed6",
  "#2171b5",
  "#08519c",
  "#08306b",
];

export interface TransitionSummary {
  forward: number;
  back: number;
  same: number;
  other: number;
}

/** Organisations that moved forward, back or stayed, by stage order (only stage values count as ordered). */
export function summariseTransitions(transitions: Transition[]): TransitionSummary {
  const summary = { forward: 0, back: 0, same: 0, other: 0 };
  for (const t of transitions) {
    const a = (STAGES as readonly string[]).indexOf(t.from);
    const b = (STAGES as readonly string[]).indexOf(t.to);
    if (t.from === t.to) summary.same += t.count;
    else if (a < 0 || b < 0) summary.other += t.count;
    else if (b > a) summary.forward += t.count;
    else summary.back += t.count;
  }
  return summary;
}

/**
 * A transition matrix: rows are the category in the first wave, columns the category in the second, each
 * cell the number of organisations that made that move, with row and column totals. The diagonal
 * (no change) is outlined. Column headers wrap (long words hyphenated) or, in narrow columns, stand
 * upright; row labels wrap into their column; every caption wraps to the width.
 */
export function transitionsMatrix(input: TransitionsInput, width: number, meta: SvgMeta): string {
  const rowsKeys = orderCategories(input.transitions.map((t) => t.from));
  const colKeys = orderCategories(input.transitions.map((t) => t.to));
  const narrow = width < 560;
  const left = narrow ? 76 : 150;
  const labelSize = narrow ? 10 : 13;
  const cellW = Math.max(21, Math.min(96, (width - left - 6) / Math.max(1, colKeys.length + 1)));
  const rowLabels = rowsKeys.map((key) => wrapToWidth(vocabularyWords(key), left - 14, labelSize));
  const cellH = Math.max(30, ...rowLabels.map((lines) => lines.length * (labelSize + 2) + 8));
  const centres = [...colKeys, "Total"].map((_, j) => left + j * cellW + cellW / 2);
  const headerBottom = 200; // placeholder: headers are laid out first to learn their height
  const measured = columnHeaders(
    [...colKeys.map(vocabularyWords), "Total"],
    centres,
    cellW,
    headerBottom,
    11,
  );
  const top = 30 + measured.height + 6;
  const headers = columnHeaders([...colKeys.map(vocabularyWords), "Total"], centres, cellW, top - 8, 11);
  const counts = new Map(input.transitions.map((t) => [`${t.from}→${t.to}`, t.count]));
  const max = Math.max(1, ...input.transitions.map((t) => t.count));

  const s = input.kind === "stage" ? summariseTransitions(input.transitions) : null;
  const summary = wrapToWidth(
    s
      ? `Moved forward a stage or more: ${s.forward} · moved back: ${s.back} · same stage: ${s.same}${s.other ? ` · other (no stage in one wave): ${s.other}` : ""}. Outlined cells: no change.`
      : "Outlined cells: no change between the two waves.",
    width - 24,
    11,
  );
  const gridBottom = top + (rowsKeys.length + 1) * cellH;
  const height = gridBottom + 16 + summary.length * 13;
  const toLabel = fitText(`${input.toWave} →`, width - left, 13, true);
  const body: string[] = [
    text(
      Math.max(
        left + textWidth(toLabel, 13, true) / 2,
        Math.min(width - 8 - textWidth(toLabel, 13, true) / 2, left + (colKeys.length * cellW) / 2),
      ),
      18,
      toLabel,
      {
        "text-anchor": "middle",
        "font-weight": 600,
      },
    ),
    text(12, top - 8, `${input.fromWave} ↓`, { "font-weight": 600 }),
    ...headers.parts,
  ];
  const colTotals = colKeys.map(() => 0);
  rowsKeys.forEach((from, i) => {
    const y = top + i * cellH;
    const lines = rowLabels[i]!;
    const lineHeight = labelSize + 2;
    body.push(
      textLines(
        left - 8,
        y + cellH / 2 + 4 - ((lines.length - 1) * lineHeight) / 2,
        lines,
        { "text-anchor": "end", "font-size": labelSize },
        lineHeight,
      ),
    );
    let rowTotal = 0;
    colKeys.forEach((to, j) => {
      const count = counts.get(`${from}→${to}`) ?? 0;
      rowTotal += count;
      colTotals[j]! += count;
      const shade = count === 0 ? 0 : 1 + Math.round((count / max) * (TRANSITION_SHADES.length - 2));
      const x = left + j * cellW;
      body.push(
        tag("g", { class: "cell", "data-from": from, "data-to": to }, [
          titleTag(
            `${count} organisation${count === 1 ? "" : "s"}: ${vocabularyWords(from)} in ${input.fromWave}, ${vocabularyWords(to)} in ${input.toWave}`,
          ),
          tag("rect", {
            x,
            y,
            width: cellW - 2,
            height: cellH - 2,
            fill: TRANSITION_SHADES[shade],
            stroke: from === to ? "#1f2933" : "none",
            "stroke-width": 2,
          }),
          text(x + cellW / 2 - 1, y + cellH / 2 + 4, String(count), {
            "text-anchor": "middle",
            fill: textOn(TRANSITION_SHADES[shade]!),
            "font-weight": from === to ? 700 : 400,
            "font-size": cellW < 28 ? 10 : narrow ? 11 : 13,
          }),
        ]),
      );
    });
    body.push(
      text(left + colKeys.length * cellW + cellW / 2, y + cellH / 2 + 4, String(rowTotal), {
        "text-anchor": "middle",
        "font-weight": 600,
        "font-size": cellW < 28 ? 10 : narrow ? 11 : 13,
      }),
    );
  });
  const totalsY = top + rowsKeys.length * cellH;
  body.push(
    text(left - 8, totalsY + cellH / 2 + 4, "Total", {
      "text-anchor": "end",
      "font-weight": 600,
      "font-size": labelSize,
    }),
  );
  colTotals.forEach((total, j) => {
    body.push(
      text(left + j * cellW + cellW / 2, totalsY + cellH / 2 + 4, String(total), {
        "text-anchor": "middle",
        "font-weight": 600,
        "font-size": cellW < 28 ? 10 : narrow ? 11 : 13,
      }),
    );
  });
  body.push(textLines(12, gridBottom + 16, summary, { fill: MUTED, "font-size": 11 }, 13));
  return svgDocument({ width, height }, meta, body);
}
