import type { Provision } from "@atlas/domain";
import { PROVISION_COLOURS, PROVISION_SHORT } from "../format/provision";
import { MISSING_STATUSES, STATUS_LABELS } from "../format/status";
import type { Classification, LegendCounts } from "./classes";
import { pointRadius } from "./map-style";
import { patternSvg } from "./patterns";

function PatternSwatch({ status }: { status: (typeof MISSING_STATUSES)[number] }) {
  const id = `legend-pattern-${status}`;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="28" height="18" aria-hidden="true"><defs>${patternSvg(status, id)}</defs><rect width="28" height="18" fill="url(#${id})" stroke="#3e4c59" stroke-width="1"/></svg>`;
  // biome-ignore lint/security/noDangerouslySetInnerHtml: built from constants only (no data), see patterns.ts
  return <span className="pattern-swatch" aria-hidden="true" dangerouslySetInnerHTML={{ __html: svg }} />;
}

export interface LegendProps {
  title: string;
  classification: Classification;
  counts: LegendCounts;
  areaWord: string;
  /** Provision counts among the organisation points, or null when the points are hidden. */
  provisionCounts: Map<Provision | "not_surveyed", number> | null;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/**
 * Every class and every kind of missing value, each with how many areas fall in it. Missing values are
 * textures, not colours, and are named (the key never leaves out a class that is on the map).
 */
export function Legend({ title, classification, counts, areaWord, provisionCounts }: LegendProps) {
  return (
    <section className="legend" aria-label={`Legend: ${title}`} data-testid="legend">
      <h3 id="legend-title">{title}</h3>
      <ul className="legend-classes">
        {classification.colours.map((colour, i) => (
          <li key={colour}>
            <span className="swatch" style={{ background: colour }} aria-hidden="true" />
            <span className="legend-label">{classification.labels[i]}</span>
            <span className="legend-count">{plural(counts.classes[i] ?? 0, areaWord)}</span>
          </li>
        ))}
      </ul>
      <ul className="legend-statuses">
        {MISSING_STATUSES.map((status) => (
          <li key={status} data-status={status}>
            <PatternSwatch status={status} />
            <span className="legend-label">{STATUS_LABELS[status]}</span>
            <span className="legend-count">{plural(counts.statuses[status], areaWord)}</span>
          </li>
        ))}
      </ul>
      {provisionCounts ? (
        <>
          <h4>Organisations (circle area = places offered)</h4>
          <ul className="legend-points">
            {[...provisionCounts].map(([provision, n]) => (
              <li key={provision}>
                <span
                  className="point-swatch"
                  style={{
                    background: provision === "not_surveyed" ? "#ffffff" : PROVISION_COLOURS[provision],
                  }}
                  aria-hidden="true"
                />
                <span className="legend-label">
                  {provision === "not_surveyed" ? "Not surveyed" : PROVISION_SHORT[provision]}
                </span>
                <span className="legend-count">{n}</span>
              </li>
            ))}
          </ul>
          <p className="legend-sizes" aria-hidden="true">
            {[0, 12, 48, 144].map((places) => (
              <span key={places} className="size-sample">
                <span
                  className="size-dot"
                  style={{ width: pointRadius(places) * 2, height: pointRadius(places) * 2 }}
                />
                {places}
              </span>
            ))}
            <span> places</span>
          </p>
        </>
      ) : null}
    </section>
  );
}
