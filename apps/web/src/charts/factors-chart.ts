import { type FactorsResponseSchema, STAGE_LABELS, type Stage } from "@atlas/domain";
import type { z } from "zod";
import { vocabularyWords } from "../format/provision";
import { textOn } from "./contrast";
import { SMALL_DENOMINATOR } from "./flags";
import { MUTED, type SvgMeta, svgDocument, tag, text, titleTag, wrappedText } from "./svg";

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
  const left = 210;
  const top = 70;
  const cellH = 24;
  const cellW = Math.max(60, Math.min(120, (width - left - 16) / Math.max(1, stages.length)));
  const height = top + Math.max(1, rows.length) * cellH + 40;
  const body: string[] = [];
  stages.forEach((s, j) => {
    const x = left + j * cellW + cellW / 2;
    body.push(
      wrappedText(
        x,
        top - 26,
        STAGE_LABELS[s.stage as Stage] ?? s.stage,
        Math.max(6, Math.floor(cellW / 7)),
        { "text-anchor": "middle", "font-weight": 600, "font-size": 11 },
      ),
    );
    const small = s.organisations < SMALL_DENOMINATOR;
    body.push(
      text(x, top - 10, `n=${s.organisations}${small ? " (small)" : ""}`, {
        "text-anchor": "middle",
        fill: small ? "#9a4d00" : MUTED,
        "font-size": 11,
        class: small ? "small-n" : null,
      }),
    );
  });
  if (rows.length === 0)
    body.push(text(left, top + 16, `No ${input.kind}s were reported in ${input.wave}.`, { fill: MUTED }));
  rows.forEach((factor, i) => {
    const y = top + i * cellH;
    body.push(text(left - 8, y + cellH / 2 + 4, vocabularyWords(factor.factor), { "text-anchor": "end" }));
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
  body.push(
    text(
      12,
      height - 12,
      `Share of organisations at each stage reporting each ${input.kind}, ${input.wave}. An organisation may report several.`,
      { fill: MUTED, "font-size": 11 },
    ),
  );
  return svgDocument({ width, height }, meta, body);
}
