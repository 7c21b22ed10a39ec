import { PROVISIONS, type Provision } from "@atlas/domain";
import { PROVISION_COLOURS, PROVISION_SHORT } from "../format/provision";

/**
 * The mark of an organisation point for each answer it gave: a different shape for every answer (and a
 * hollow mark for the two non-answers), so no two are told apart by colour alone. Size is area in
 * proportion to places offered. One table for the SVG map, maplibre's icons, the legend and the exported
 * map, so they always agree.
 */
export type PointStatus = Provision | "not_surveyed";
export const POINT_STATUSES: readonly PointStatus[] = [...PROVISIONS, "not_surveyed"];

export type MarkShape = "circle" | "diamond" | "square" | "triangle-down" | "triangle-up" | "cross";

export interface PointMark {
  shape: MarkShape;
  fill: string;
  label: string;
}

export const POINT_STROKE = "#1f2933";
export const POINT_STROKE_WIDTH = 1.2;
const HOLLOW = "#ffffff";

export const POINT_MARKS: Record<PointStatus, PointMark> = {
  routine: { shape: "circle", fill: PROVISION_COLOURS.routine, label: PROVISION_SHORT.routine },
  limited: { shape: "diamond", fill: PROVISION_COLOURS.limited, label: PROVISION_SHORT.limited },
  paused: { shape: "square", fill: PROVISION_COLOURS.paused, label: PROVISION_SHORT.paused },
  none: { shape: "triangle-down", fill: PROVISION_COLOURS.none, label: PROVISION_SHORT.none },
  not_applicable: {
    shape: "cross",
    fill: PROVISION_COLOURS.not_applicable,
    label: PROVISION_SHORT.not_applicable,
  },
  no_response: { shape: "circle", fill: HOLLOW, label: PROVISION_SHORT.no_response },
  withheld: { shape: "triangle-up", fill: PROVISION_COLOURS.withheld, label: PROVISION_SHORT.withheld },
  not_surveyed: { shape: "square", fill: HOLLOW, label: "Not surveyed" },
};

/** The mark for a provision as the API gives it (null: not in this wave's survey). */
export function pointMark(provision: string | null): PointMark {
  return POINT_MARKS[(provision ?? "not_surveyed") as PointStatus] ?? POINT_MARKS.not_surveyed;
}

export const MIN_RADIUS = 4.5;
export const MAX_RADIUS = 12;

/** The size of a point of `places` (the radius of a circle of the same area). */
export function pointRadius(places: number | null): number {
  return MIN_RADIUS + (Math.min(Math.sqrt(Math.max(0, places ?? 0)), 12) / 12) * (MAX_RADIUS - MIN_RADIUS);
}

const f = (n: number) => Number(n.toFixed(2));

/** The outline of a mark centred on (0, 0), with the area of a circle of radius `r`. */
export function markPath(shape: MarkShape, r: number): string {
  switch (shape) {
    case "circle":
      return `M${f(r)},0A${f(r)},${f(r)} 0 1 1 ${f(-r)},0A${f(r)},${f(r)} 0 1 1 ${f(r)},0Z`;
    case "square": {
      const h = (r * Math.sqrt(Math.PI)) / 2;
      return `M${f(-h)},${f(-h)}L${f(h)},${f(-h)}L${f(h)},${f(h)}L${f(-h)},${f(h)}Z`;
    }
    case "diamond": {
      const d = r * Math.sqrt(Math.PI / 2);
      return `M0,${f(-d)}L${f(d)},0L0,${f(d)}L${f(-d)},0Z`;
    }
    case "triangle-up":
    case "triangle-down": {
      const side = r * Math.sqrt((4 * Math.PI) / Math.sqrt(3));
      const height = (side * Math.sqrt(3)) / 2;
      const sign = shape === "triangle-up" ? 1 : -1;
      const apex = (-2 / 3) * height * sign;
      const base = (1 / 3) * height * sign;
      return `M0,${f(apex)}L${f(side / 2)},${f(base)}L${f(-side / 2)},${f(base)}Z`;
    }
    case "cross": {
      // A plus of arm a and half-width w (area 8aw − 4w² = πr²), turned 45° into an ×.
      const a = r * 1.166;
      const w = a * 0.35;
      const plus: Array<[number, number]> = [
        [-w, -a],
        [w, -a],
        [w, -w],
        [a, -w],
        [a, w],
        [w, w],
        [w, a],
        [-w, a],
        [-w, w],
        [-a, w],
        [-a, -w],
        [-w, -w],
      ];
      const c = Math.SQRT1_2;
      return `${plus
        .map(([x, y], i) => `${i === 0 ? "M" : "L"}${f(c * (x - y))},${f(c * (x + y))}`)
        .join("")}Z`;
    }
  }
}

/** A standalone SVG of a mark, for legends (no data in it: constants only). */
export function markSvg(status: PointStatus, r = 7): string {
  const mark = POINT_MARKS[status];
  const size = Math.ceil(r * 2.4 + 2);
  const c = size / 2;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}" aria-hidden="true"><path transform="translate(${c} ${c})" d="${markPath(mark.shape, r)}" fill="${mark.fill}" stroke="${POINT_STROKE}" stroke-width="${POINT_STROKE_WIDTH}"/></svg>`;
}
