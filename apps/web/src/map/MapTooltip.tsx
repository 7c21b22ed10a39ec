import type { Metric, Provision, Stage } from "@atlas/domain";
import { STAGE_LABELS } from "@atlas/domain";
import { formatInterval, formatValue } from "../format/number";
import { PROVISION_SHORT } from "../format/provision";
import { STATUS_LABELS } from "../format/status";
import type { HoverTarget } from "./MapView";

/** Hover (or tap) details, always naming the wave and, for an area without a value, why. */
export function MapTooltip({
  target,
  unit,
  wave,
  metricTitle,
  frameWidth,
}: {
  target: HoverTarget;
  unit: Metric["unit"];
  wave: string;
  metricTitle: string;
  /** The map's width, to keep the tooltip inside it. */
  frameWidth: number;
}) {
  // Beyond the middle of the map the tooltip opens to the left of the pointer, so it stays inside.
  const flip = frameWidth > 0 && target.x > frameWidth / 2;
  const style = flip
    ? { right: frameWidth - target.x + 14, top: target.y + 14 }
    : { left: target.x + 14, top: target.y + 14 };
  if (target.kind === "organisation") {
    const p = target.properties;
    const provision =
      p.provision in PROVISION_SHORT ? PROVISION_SHORT[p.provision as Provision] : "Not surveyed";
    return (
      <div className="map-tooltip" style={style} role="status">
        <strong>{p.name}</strong>
        <span>
          Wave {wave}: {provision}
          {p.stage ? `, ${STAGE_LABELS[p.stage as Stage]}` : ""}
        </span>
        <span>{p.places === null ? "Places not reported" : `${p.places} places offered`}</span>
      </div>
    );
  }
  const p = target.properties;
  return (
    <div className="map-tooltip" style={style} role="status">
      <strong>{p.name}</strong>
      <span>
        {metricTitle}, wave {wave}
      </span>
      {p.status === "ok" ? (
        <span>
          {formatValue(p.value, unit)} {formatInterval(p.lower, p.upper)}
        </span>
      ) : (
        <span className="tooltip-status">{STATUS_LABELS[p.status]}</span>
      )}
      {p.invited !== null ? (
        <span>
          {p.answered} of {p.invited} organisations answered
        </span>
      ) : null}
    </div>
  );
}
