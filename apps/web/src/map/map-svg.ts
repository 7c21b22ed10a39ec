import type { Metric } from "@atlas/domain";
import { geoMercator, geoPath } from "d3";
import type { FeatureCollection, MultiPolygon, Point, Polygon } from "geojson";
import {
  MUTED,
  type SvgMeta,
  type SvgSize,
  svgDocument,
  tag,
  text,
  titleTag,
  wrappedText,
  wrapWords,
} from "../charts/svg";
import { MISSING_STATUSES, STATUS_LABELS } from "../format/status";
import { type Classification, directionNote, type LegendCounts, SEQUENTIAL_PALETTE } from "./classes";
import type { AreaMapProperties, OrganisationMapProperties } from "./geo";
import { patternSvg, SMALL_BASE_PATTERN, smallBaseSvg } from "./patterns";
import {
  markPath,
  POINT_MARKS,
  POINT_STATUSES,
  POINT_STROKE,
  POINT_STROKE_WIDTH,
  type PointStatus,
  pointMark,
  pointRadius,
} from "./point-marks";
import { baseWords, SMALL_BASE_LABEL } from "./small-base";

export interface MapSvgInput {
  areas: FeatureCollection<Polygon | MultiPolygon, AreaMapProperties>;
  points: FeatureCollection<Point, OrganisationMapProperties> | null;
  classification: Classification;
  counts: LegendCounts;
  /** Answers among the points (for their key); null when the points are hidden. */
  provisionCounts: Map<PointStatus, number> | null;
  legendTitle: string;
  metric: Pick<Metric, "polarity" | "id">;
  selected: string | null;
}

const LEGEND_WIDTH = 290;
const LEGEND_CHARS = 40;

/**
 * The choropleth as a standalone SVG (for the SVG and PNG downloads): the same classes, patterns and
 * point marks as the interactive map, drawn with d3-geo in Web Mercator, and both keys (areas, with
 * units, direction and counts; points, with a shape per answer and sizes) beside it.
 */
export function mapSvg(input: MapSvgInput, size: SvgSize, meta: SvgMeta): string {
  const mapWidth = size.width - LEGEND_WIDTH;
  const projection = geoMercator().fitExtent(
    [
      [10, 10],
      [mapWidth - 10, size.height - 10],
    ],
    input.areas,
  );
  const path = geoPath(projection);
  const patternId = (status: string) => `${meta.id}-pattern-${status}`;
  const defs =
    MISSING_STATUSES.map((s) => patternSvg(s, patternId(s))).join("") +
    smallBaseSvg(patternId(SMALL_BASE_PATTERN));
  const body: string[] = [tag("rect", { width: mapWidth, height: size.height, fill: "#dde6ed" })];

  for (const f of input.areas.features) {
    const p = f.properties;
    const fill = p.status === "ok" ? p.fill! : `url(#${patternId(p.status)})`;
    const base = p.smallBase
      ? ` (${baseWords({ ...p, organisations: p.organisations ?? undefined, answered: p.answered ?? 0 }, input.metric)})`
      : "";
    const label =
      p.status === "ok"
        ? `${p.name}: ${p.value?.toFixed(1)}${base}`
        : `${p.name}: ${STATUS_LABELS[p.status]}`;
    body.push(
      tag(
        "path",
        {
          d: path(f) ?? "",
          fill,
          stroke: "#3e4c59",
          "stroke-width": 0.6,
          class: `area ${p.status}`,
          "data-code": p.code,
        },
        titleTag(label),
      ),
    );
    if (p.smallBase)
      body.push(
        tag("path", {
          d: path(f) ?? "",
          fill: `url(#${patternId(SMALL_BASE_PATTERN)})`,
          class: "small-base",
          "data-code": p.code,
        }),
      );
  }
  const selected = input.areas.features.find((f) => f.properties.code === input.selected);
  if (selected) {
    body.push(tag("path", { d: path(selected) ?? "", fill: "none", stroke: "#ffffff", "stroke-width": 5 }));
    body.push(tag("path", { d: path(selected) ?? "", fill: "none", stroke: "#000000", "stroke-width": 2.5 }));
  }
  for (const point of input.points?.features ?? []) {
    const [x, y] = projection(point.geometry.coordinates as [number, number]) ?? [Number.NaN, Number.NaN];
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    const mark = pointMark(point.properties.provision);
    body.push(
      tag(
        "path",
        {
          transform: `translate(${x.toFixed(1)} ${y.toFixed(1)})`,
          d: markPath(mark.shape, pointRadius(point.properties.places)),
          fill: mark.fill,
          stroke: POINT_STROKE,
          "stroke-width": POINT_STROKE_WIDTH,
          class: "organisation",
        },
        titleTag(`${point.properties.name}: ${mark.label}`),
      ),
    );
  }

  const lx = mapWidth + 14;
  let ly = 24;
  const titleLines = wrapWords(input.legendTitle, 30);
  body.push(
    wrappedText(lx, ly + (titleLines.length - 1) * 16, input.legendTitle, 30, { "font-weight": 700 }, 16),
  );
  ly += titleLines.length * 16;
  body.push(text(lx, ly, directionNote(input.metric), { fill: MUTED, "font-size": 12, class: "direction" }));
  ly += 22;
  input.classification.colours.forEach((colour, i) => {
    body.push(
      tag("rect", {
        x: lx,
        y: ly - 11,
        width: 22,
        height: 14,
        fill: colour,
        stroke: "#3e4c59",
        "stroke-width": 0.5,
      }),
    );
    body.push(
      text(lx + 30, ly, `${input.classification.labels[i]} (${input.counts.classes[i]})`, {
        class: "class-label",
      }),
    );
    ly += 20;
  });
  body.push(
    tag("rect", { x: lx, y: ly - 11, width: 22, height: 14, fill: SEQUENTIAL_PALETTE[2] }),
    tag("rect", {
      x: lx,
      y: ly - 11,
      width: 22,
      height: 14,
      fill: `url(#${patternId(SMALL_BASE_PATTERN)})`,
      stroke: "#3e4c59",
      "stroke-width": 0.5,
      class: "small-base-key",
    }),
  );
  const smallLines = wrapWords(`${SMALL_BASE_LABEL} (${input.counts.smallBase})`, LEGEND_CHARS - 5);
  body.push(
    wrappedText(lx + 30, ly + (smallLines.length - 1) * 15, smallLines.join(" "), LEGEND_CHARS - 5, {}, 15),
  );
  ly += 6 + smallLines.length * 15;
  for (const status of MISSING_STATUSES) {
    body.push(
      tag("rect", {
        x: lx,
        y: ly - 11,
        width: 22,
        height: 14,
        fill: `url(#${patternId(status)})`,
        stroke: "#3e4c59",
        "stroke-width": 0.5,
      }),
    );
    const lines = wrapWords(`${STATUS_LABELS[status]} (${input.counts.statuses[status]})`, LEGEND_CHARS - 5);
    body.push(wrappedText(lx + 30, ly + (lines.length - 1) * 15, lines.join(" "), LEGEND_CHARS - 5, {}, 15));
    ly += 6 + lines.length * 15;
  }
  if (input.points) {
    ly += 12;
    const heading = "Organisations: shape and colour = answer, size = places offered";
    const headingLines = wrapWords(heading, LEGEND_CHARS);
    body.push(
      wrappedText(lx, ly + (headingLines.length - 1) * 15, heading, LEGEND_CHARS, { "font-weight": 700 }, 15),
    );
    ly += headingLines.length * 15 + 8;
    for (const status of POINT_STATUSES) {
      const mark = POINT_MARKS[status];
      body.push(
        tag("path", {
          transform: `translate(${lx + 11} ${ly - 4})`,
          d: markPath(mark.shape, 6),
          fill: mark.fill,
          stroke: POINT_STROKE,
          "stroke-width": POINT_STROKE_WIDTH,
          class: `point-key ${status}`,
        }),
      );
      body.push(text(lx + 30, ly, `${mark.label} (${input.provisionCounts?.get(status) ?? 0})`));
      ly += 20;
    }
    let sx = lx + 8;
    for (const places of [0, 12, 48, 144]) {
      const r = pointRadius(places);
      body.push(
        tag("path", {
          transform: `translate(${sx + r} ${ly + 8})`,
          d: markPath("circle", r),
          fill: "#e4e7eb",
          stroke: POINT_STROKE,
          "stroke-width": 1,
        }),
      );
      body.push(text(sx + r, ly + 8 + r + 14, String(places), { "text-anchor": "middle", "font-size": 11 }));
      sx += r * 2 + 18;
    }
    body.push(text(sx, ly + 8 + 4, "places", { fill: MUTED, "font-size": 11 }));
  }
  return svgDocument(size, meta, body, defs);
}
