import { PROVISIONS, STAGES } from "@atlas/domain";
import { vocabularyWords } from "../format/provision";
import { textOn } from "./contrast";
import { MUTED, type SvgMeta, svgDocument, tag, text, titleTag, wrappedText } from "./svg";

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
 * (no change) is outlined.
 */
export function transitionsMatrix(input: TransitionsInput, width: number, meta: SvgMeta): string {
  const rowsKeys = orderCategories(input.transitions.map((t) => t.from));
  const colKeys = orderCategories(input.transitions.map((t) => t.to));
  const cellW = Math.max(56, Math.min(96, (width - 190) / Math.max(1, colKeys.length + 1)));
  const cellH = 34;
  const left = 150;
  const top = 78;
  const height = top + (rowsKeys.length + 1) * cellH + 48;
  const counts = new Map(input.transitions.map((t) => [`${t.from}→${t.to}`, t.count]));
  const max = Math.max(1, ...input.transitions.map((t) => t.count));
  const body: string[] = [
    text(left + (colKeys.length * cellW) / 2, 18, `${input.toWave} →`, {
      "text-anchor": "middle",
      "font-weight": 600,
    }),
    text(12, top - 8, `${input.fromWave} ↓`, { "font-weight": 600 }),
  ];
  colKeys.forEach((key, j) => {
    body.push(
      wrappedText(
        left + j * cellW + cellW / 2,
        top - 10,
        vocabularyWords(key),
        Math.max(6, Math.floor(cellW / 7)),
        { "text-anchor": "middle", "font-size": 11 },
      ),
    );
  });
  body.push(
    text(left + colKeys.length * cellW + cellW / 2, top - 10, "Total", {
      "text-anchor": "middle",
      "font-size": 11,
      "font-weight": 600,
    }),
  );
  const colTotals = colKeys.map(() => 0);
  rowsKeys.forEach((from, i) => {
    const y = top + i * cellH;
    body.push(text(left - 8, y + cellH / 2 + 4, vocabularyWords(from), { "text-anchor": "end" }));
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
          }),
        ]),
      );
    });
    body.push(
      text(left + colKeys.length * cellW + cellW / 2, y + cellH / 2 + 4, String(rowTotal), {
        "text-anchor": "middle",
        "font-weight": 600,
      }),
    );
  });
  const totalsY = top + rowsKeys.length * cellH;
  body.push(text(left - 8, totalsY + cellH / 2 + 4, "Total", { "text-anchor": "end", "font-weight": 600 }));
  colTotals.forEach((total, j) => {
    body.push(
      text(left + j * cellW + cellW / 2, totalsY + cellH / 2 + 4, String(total), {
        "text-anchor": "middle",
        "font-weight": 600,
      }),
    );
  });
  if (input.kind === "stage") {
    const s = summariseTransitions(input.transitions);
    body.push(
      text(
        12,
        height - 14,
        `Moved forward a stage or more: ${s.forward} · moved back: ${s.back} · same stage: ${s.same}${s.other ? ` · other (no stage in one wave): ${s.other}` : ""}. Outlined cells: no change.`,
        { fill: MUTED, "font-size": 11 },
      ),
    );
  } else {
    body.push(
      text(12, height - 14, "Outlined cells: no change between the two waves.", {
        fill: MUTED,
        "font-size": 11,
      }),
    );
  }
  return svgDocument({ width, height }, meta, body);
}
