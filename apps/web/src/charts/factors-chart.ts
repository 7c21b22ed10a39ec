import { type FactorsResponseSchema, STAGE_LABELS, type Stage } from "@atlas/domain";
import type { z } from "zod";
import { vocabularyWords } from "../format/provision";
import { textOn } from "./contrast";
import { SMALL_DENOMINATOR } from "./flags";
import { columnHeaders, textLines } from "./layout";
import { MUTED, type SvgMeta, svgDocument, tag, text, titleTag } from "./svg";
import { fitText, wrapToWidth } from "./text-metrics";

type Factors = z.infer<typeof FactorsResponseSchema>;

export interface FactorsInput {
  wave: string;
  kind: "facilitator" | "barrier";
  stages: Factors["stages"];
  factors: Factors["factors"];
}

/** Share of the organisations at `stage` reporting the factor, as 0–1; null when nobody is at that stage. */
export function factorShare(count: number, organisations: number): number | null {
  return organisations > 0 ? count / organisations : null;
}

/** Light-to-dark purple (ColorBrewer Purples): one hue, so it reads the same with any colour vision. */
// The mid-tone #807dba is left out: neither dark nor white text reaches 4.5:1 on it.
export const FACTOR_SHADES = ["#fcfbfd", "#efedf5", "#dadaeb", "#bcbddc", "#9e9ac8", "#6a51a3", "#4a1486"];

/**
 * Facilitators or barriers against implementation stage: one row per factor (most reported first), one
 * column per stage, each cell the share of that stage's organisations that reported it. Stages with
 * fewer than 5 organisations are flagged in the header, since their shares move a lot with one answer.
 */
export function factorsChart(input: FactorsInput, width: number, meta: SvgMeta): string {
  const stages = input.stages;
  const rows = input.factors.filter((f) => f.kind === input.kind).sort((a, b) => b.total - a.total);
  const narrow = width < 560;
  const labelSize = narrow ? 11 : 13;
  const left = narrow ? Math.max(104, Math.round(width * 0.36)) : 210;
  const cellW = Math.max(40, Math.min(120, (width - left - 16) / Math.max(1, stages.length)));
  // Factor names wrap into their column; a row is as tall as its longest name.
  const names = rows.map((f) => wrapToWidth(vocabularyWords(f.factor), left - 14, labelSize));
  const lineHeight = labelSize + 2;
  const cellH = Math.max(24, ...names.map((lines) => lines.length * lineHeight + 6));
  const centres = stages.map((_, j) => left + j * cellW + cellW / 2);
  const stageNames = stages.map((s) => STAGE_LABELS[s.stage as Stage] ?? s.stage);
  // "n=3 (small)" under each header, on two lines where the column is narrow.
  const counts = stages.map((s) =>
    wrapToWidth(
      `n=${s.organisations}${s.organisations < SMALL_DENOMINATOR ? " (small)" : ""}`,
      cellW - 4,
      11,
    ),
  );
  const countLines = Math.max(1, ...counts.map((lines) => lines.length));
  const headerHeight = columnHeaders(stageNames, centres, cellW, 0, 11, true).height;
  const top = 14 + headerHeight + countLines * 13 + 6;
  const note = wrapToWidth(
    `Share of organisations at each stage reporting each ${input.kind}, ${input.wave}. An organisation may report several.`,
    width - 24,
    11,
  );
  const gridBottom = top + Math.max(1, rows.length) * cellH;
  const height = gridBottom + 14 + note.length * 13;
  const body: string[] = [
    ...columnHeaders(stageNames, centres, cellW, top - 8 - countLines * 13, 11, true).parts,
  ];
  stages.forEach((s, j) => {
    const small = s.organisations < SMALL_DENOMINATOR;
    body.push(
      textLines(
        centres[j]!,
        top - 8 - (countLines - 1) * 13 + (countLines - counts[j]!.length) * 13,
        counts[j]!,
        {
          "text-anchor": "middle",
          fill: small ? "#9a4d00" : MUTED,
          "font-size": 11,
          class: small ? "small-n" : null,
        },
        13,
      ),
    );
  });
  if (rows.length === 0)
    body.push(
      text(
        left,
        top + 16,
        fitText(`No ${input.kind}s were reported in ${input.wave}.`, width - left - 8, 13),
        { fill: MUTED },
      ),
    );
  rows.forEach((factor, i) => {
    const y = top + i * cellH;
    const lines = names[i]!;
    body.push(
      textLines(
        left - 8,
        y + cellH / 2 + 4 - ((lines.length - 1) * lineHeight) / 2,
        lines,
        { "text-anchor": "end", "font-size": labelSize },
        lineHeight,
      ),
    );
    stages.forEach((s, j) => {
      const count = factor.byStage.find((b) => b.stage === s.stage)?.count ?? 0;
      const share = factorShare(count, s.organisations);
      const shade =
        share === null
          ? 0
          : Math.min(FACTOR_SHADES.length - 1, Math.round(share * (FACTOR_SHADES.length - 1)));
      const x = left + j * cellW;
      const label = share === null ? "–" : `${Math.round(share * 100)}%`;
      body.push(
        tag("g", { class: "cell", "data-factor": factor.factor, "data-stage": s.stage }, [
          titleTag(
            `${vocabularyWords(factor.factor)}: ${count} of ${s.organisations} organisations at ${STAGE_LABELS[s.stage as Stage] ?? s.stage} (${label})`,
          ),
          tag("rect", { x, y, width: cellW - 2, height: cellH - 2, fill: FACTOR_SHADES[shade] }),
          text(x + cellW / 2 - 1, y + cellH / 2 + 4, label, {
            "text-anchor": "middle",
            fill: textOn(FACTOR_SHADES[shade]!),
            "font-size": 11,
          }),
        ]),
      );
    });
  });
  body.push(textLines(12, gridBottom + 14, note, { fill: MUTED, "font-size": 11 }, 13));
  return svgDocument({ width, height }, meta, body);
}
