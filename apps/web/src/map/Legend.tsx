import type { Metric, NeedAssumptions } from "@atlas/domain";
import { MISSING_STATUSES, STATUS_LABELS } from "../format/status";
import { NeedLine } from "../need/NeedLine";
import { type Classification, directionNote, type LegendCounts, SEQUENTIAL_PALETTE } from "./classes";
import { patternSvg, smallBaseSvg } from "./patterns";
import {
  markPath,
  POINT_MARKS,
  POINT_STATUSES,
  POINT_STROKE,
  type PointStatus,
  pointRadius,
} from "./point-marks";
import { SMALL_BASE_LABEL } from "./small-base";

function PatternSwatch({ status }: { status: (typeof MISSING_STATUSES)[number] }) {
  const id = `legend-pattern-${status}`;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="28" height="18" aria-hidden="true"><defs>${patternSvg(status, id)}</defs><rect width="28" height="18" fill="url(#${id})" stroke="#3e4c59" stroke-width="1"/></svg>`;
  // biome-ignore lint/security/noDangerouslySetInnerHtml: built from constants only (no data), see patterns.ts
  return <span className="pattern-swatch" aria-hidden="true" dangerouslySetInnerHTML={{ __html: svg }} />;
}

/** The small-base hatch over a middle class colour, as on the map. */
function SmallBaseSwatch() {
  const id = "legend-pattern-small-base";
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="28" height="18" aria-hidden="true"><defs>${smallBaseSvg(id)}</defs><rect width="28" height="18" fill="${SEQUENTIAL_PALETTE[2]}"/><rect width="28" height="18" fill="url(#${id})" stroke="#3e4c59" stroke-width="1"/></svg>`;
  // biome-ignore lint/security/noDangerouslySetInnerHtml: built from constants only (no data), see patterns.ts
  return <span className="pattern-swatch" aria-hidden="true" dangerouslySetInnerHTML={{ __html: svg }} />;
}

/** A point's mark as in the map (same path, fill and outline), for the key. */
export function MarkSwatch({ status, r = 6.5 }: { status: PointStatus; r?: number }) {
  const mark = POINT_MARKS[status];
  const size = Math.ceil(r * 2.4 + 2);
  return (
    <svg
      className="mark-swatch"
      width={size}
      height={size}
      viewBox={`0 0 ${size} ${size}`}
      aria-hidden="true"
    >
      <path
        transform={`translate(${size / 2} ${size / 2})`}
        d={markPath(mark.shape, r)}
        fill={mark.fill}
        stroke={POINT_STROKE}
        strokeWidth={1.2}
      />
    </svg>
  );
}

export interface LegendProps {
  title: string;
  metric: Pick<Metric, "polarity" | "unit"> | null;
  classification: Classification;
  /** Null until the map's values are here: the rows keep their place, with no count yet. */
  counts: LegendCounts | null;
  areaWord: string;
  /** Answers among the organisation points, or null while they load. */
  provisionCounts: Map<PointStatus, number> | null;
  showPoints: boolean;
  /** Need metrics: the assumptions the values were computed with (null for other metrics). */
  assumptions: NeedAssumptions | null;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/**
 * Every class and every kind of missing value, each with how many areas fall in it; the unit on every
 * class and which way is better (both from the metric catalogue). Missing values are textures, not
 * colours, and are named (the key never leaves out a class that is on the map). Points: a shape for every
 * answer. Each row has its place before the data arrive, so the key never grows or jumps while loading.
 */
export function Legend({
  title,
  metric,
  classification,
  counts,
  areaWord,
  provisionCounts,
  showPoints,
  assumptions,
}: LegendProps) {
  // Always as many rows as the palette has colours, so a metric with fewer classes does not move the rest.
  const slots = SEQUENTIAL_PALETTE.map((_, i) => i);
  return (
    <section className="legend" aria-label={`Legend: ${title}`} data-testid="legend">
      <h3 id="legend-title">{title}</h3>
      <p className="legend-direction">{metric ? directionNote(metric) : "\u00a0"}</p>
      {assumptions ? <NeedLine assumptions={assumptions} /> : null}
      <ul className="legend-classes">
        {slots.map((i) => {
          const colour = classification.colours[i];
          if (!colour) return <li key={`slot-${i}`} className="legend-empty" aria-hidden="true" />;
          return (
            <li key={`class-${i}`}>
              <span className="swatch" style={{ background: colour }} aria-hidden="true" />
              <span className="legend-label">{classification.labels[i]}</span>
              <span className="legend-count">{counts ? plural(counts.classes[i] ?? 0, areaWord) : ""}</span>
            </li>
          );
        })}
      </ul>
      <ul className="legend-small-base">
        <li data-small-base="true">
          <SmallBaseSwatch />
          <span className="legend-label">{SMALL_BASE_LABEL}</span>
          <span className="legend-count">{counts ? plural(counts.smallBase, areaWord) : ""}</span>
        </li>
      </ul>
      <ul className="legend-statuses">
        {MISSING_STATUSES.map((status) => (
          <li key={status} data-status={status}>
            <PatternSwatch status={status} />
            <span className="legend-label">{STATUS_LABELS[status]}</span>
            <span className="legend-count">{counts ? plural(counts.statuses[status], areaWord) : ""}</span>
          </li>
        ))}
      </ul>
      {showPoints ? (
        <div className="legend-points-key">
          <h4>Organisations: shape and colour = answer, size = places offered</h4>
          <ul className="legend-points">
            {POINT_STATUSES.map((status) => (
              <li key={status} data-provision={status}>
                <MarkSwatch status={status} />
                <span className="legend-label">{POINT_MARKS[status].label}</span>
                <span className="legend-count">
                  {provisionCounts ? (provisionCounts.get(status) ?? 0) : ""}
                </span>
              </li>
            ))}
          </ul>
          <p className="legend-sizes" aria-hidden="true">
            {[0, 12, 48, 144].map((places) => (
              <span key={places} className="size-sample">
                <MarkSwatch status="routine" r={pointRadius(places)} />
                {places}
              </span>
            ))}
            <span> places</span>
          </p>
        </div>
      ) : null}
      <p className="legend-hint">
        Click or tap an area for its details. With the keyboard: focus the map, then arrow keys and Enter.
      </p>
    </section>
  );
}
