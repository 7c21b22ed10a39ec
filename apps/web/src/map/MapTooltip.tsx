import type { Metric, Provision, Stage } from "@atlas/domain";
import { STAGE_LABELS } from "@atlas/domain";
import { type RefObject, useLayoutEffect, useRef } from "react";
import { boundWords, notComparedWords } from "../format/comparison";
import { formatInterval, formatValue } from "../format/number";
import { PROVISION_SHORT } from "../format/provision";
import { STATUS_LABELS } from "../format/status";
import type { AreaMapProperties } from "./geo";
import type { HoverTarget } from "./hover-target";
import { baseWords } from "./small-base";

const GAP = 14;
const MARGIN = 8;

/**
 * Where the tooltip goes: beside the pointer, on whichever side has room, and never past the edge of
 * the window (nor the map). All in the map frame's coordinates; `frame` is the frame's place on screen.
 */
export function placeTooltip(
  pointer: { x: number; y: number },
  tooltip: { width: number; height: number },
  frame: { left: number; top: number; width: number; height: number },
  viewport: { width: number; height: number },
): { left: number; top: number } {
  // The box it must stay in, in frame coordinates: the part of the frame inside the window.
  const minX = Math.max(0, MARGIN - frame.left);
  const maxX = Math.min(frame.width, viewport.width - MARGIN - frame.left);
  const minY = Math.max(0, MARGIN - frame.top);
  const maxY = Math.min(frame.height, viewport.height - MARGIN - frame.top);
  let left = pointer.x + GAP;
  if (left + tooltip.width > maxX) left = pointer.x - GAP - tooltip.width;
  let top = pointer.y + GAP;
  if (top + tooltip.height > maxY) top = pointer.y - GAP - tooltip.height;
  left = Math.max(minX, Math.min(left, maxX - tooltip.width));
  top = Math.max(minY, Math.min(top, maxY - tooltip.height));
  return { left, top };
}

/**
 * Hover, tap or keyboard-focus details, always naming the wave and, for an area without a value, why.
 * Placed once it is measured, before it is painted, so it never shows outside the window.
 */
export function MapTooltip({
  target,
  unit,
  wave,
  metricTitle,
  metricId,
  frame,
  hint,
}: {
  target: HoverTarget;
  unit: Metric["unit"];
  wave: string;
  metricTitle: string;
  metricId: string;
  /** The map frame the tooltip is positioned in. */
  frame: RefObject<HTMLElement | null>;
  /** A line about what a tap or key does next, if any. */
  hint?: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const element = box.current;
    const holder = frame.current;
    if (!element || !holder) return;
    const rect = holder.getBoundingClientRect();
    const { left, top } = placeTooltip(
      target,
      { width: element.offsetWidth, height: element.offsetHeight },
      { left: rect.left, top: rect.top, width: rect.width, height: rect.height },
      { width: document.documentElement.clientWidth, height: window.innerHeight },
    );
    element.style.left = `${left}px`;
    element.style.top = `${top}px`;
    element.style.visibility = "visible";
  });
  return (
    <div ref={box} className="map-tooltip" data-testid="map-tooltip">
      {target.kind === "organisation" ? (
        <OrganisationDetails target={target} wave={wave} />
      ) : (
        <AreaDetails target={target} wave={wave} unit={unit} metricTitle={metricTitle} metricId={metricId} />
      )}
      {hint ? <span className="tooltip-hint">{hint}</span> : null}
    </div>
  );
}

function OrganisationDetails({
  target,
  wave,
}: {
  target: Extract<HoverTarget, { kind: "organisation" }>;
  wave: string;
}) {
  const p = target.properties;
  const provision =
    p.provision in PROVISION_SHORT ? PROVISION_SHORT[p.provision as Provision] : "Not surveyed";
  return (
    <>
      <strong>{p.name}</strong>
      <span>
        Wave {wave}: {provision}
        {p.stage ? `, ${STAGE_LABELS[p.stage as Stage]}` : ""}
      </span>
      <span>{p.places === null ? "Places not reported" : `${p.places} places offered`}</span>
    </>
  );
}

function AreaDetails({
  target,
  wave,
  unit,
  metricTitle,
  metricId,
}: {
  target: Extract<HoverTarget, { kind: "area" }>;
  wave: string;
  unit: Metric["unit"];
  metricTitle: string;
  metricId: string;
}) {
  const p = target.properties;
  const notes = areaNotes(p, unit, metricId);
  return (
    <>
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
      {notes.map((note) => (
        <span key={note} className="tooltip-note">
          {note}
        </span>
      ))}
    </>
  );
}

/**
 * What a reader must know beside the value: the count it rests on when that is 1 to 4 organisations, that
 * it is a bound, and why it is not compared.
 */
export function areaNotes(p: AreaMapProperties, unit: Metric["unit"], metricId: string): string[] {
  if (p.status !== "ok") return [];
  const notes: string[] = [];
  if (p.smallBase) {
    const words = baseWords(
      {
        numerator: p.numerator,
        denominator: p.denominator,
        organisations: p.organisations ?? undefined,
        answered: p.answered ?? 0,
      },
      { id: metricId },
    );
    notes.push(`${words.charAt(0).toUpperCase()}${words.slice(1)}`);
  }
  const bound = boundWords(p, unit);
  if (bound) notes.push(bound);
  if (p.comparisonReason && p.comparisonReason !== "no_value")
    notes.push(
      notComparedWords(p.comparisonReason, {
        organisations: p.organisations ?? undefined,
        answered: p.answered ?? 0,
      }),
    );
  return notes;
}

/** The same details in one sentence, for screen readers as keyboard focus moves over the map. */
export function describeArea(
  target: Extract<HoverTarget, { kind: "area" }>,
  unit: Metric["unit"],
  wave: string,
  metricId = "",
): string {
  const p = target.properties;
  const value =
    p.status === "ok"
      ? `${formatValue(p.value, unit)}${p.lower !== null ? `, ${formatInterval(p.lower, p.upper)}` : ""}`
      : STATUS_LABELS[p.status];
  const response = p.invited !== null ? ` ${p.answered} of ${p.invited} organisations answered.` : "";
  const notes = areaNotes(p, unit, metricId).map((note) => ` ${note}.`);
  return `${p.name}: ${value}, wave ${wave}.${response}${notes.join("")}`;
}
