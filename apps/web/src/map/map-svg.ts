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
import type { Classification, LegendCounts } from "./classes";
import type { AreaMapProperties, OrganisationMapProperties } from "./geo";
import { pointRadius } from "./map-style";
import { patternSvg } from "./patterns";

export interface MapSvgInput {
  areas: FeatureCollection<Polygon | MultiPolygon, AreaMapProperties>;
  points: FeatureCollection<Point, OrganisationMapProperties> | null;
  classification: Classification;
  counts: LegendCounts;
  legendTitle: string;
  selected: string | null;
}

const LEGEND_WIDTH = 250;

/**
 * The choropleth as a standalone SVG (for the SVG and PNG downloads): the same classes, patterns and
 * points as the interactive map, drawn with d3-geo in Web Mercator, and the legend with its counts.
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
  const defs = MISSING_STATUSES.map((s) => patternSvg(s, patternId(s))).join("");
  const body: string[] = [tag("rect", { width: mapWidth, height: size.height, fill: "#dde6ed" })];

  for (const f of input.areas.features) {
    const p = f.properties;
    const fill = p.status === "ok" ? p.fill! : `url(#${patternId(p.status)})`;
    const label =
      p.status === "ok" ? `${p.name}: ${p.value?.toFixed(1)}` : `${p.name}: ${STATUS_LABELS[p.status]}`;
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
  }
  const selected = input.areas.features.find((f) => f.properties.code === input.selected);
  if (selected) {
    body.push(tag("path", { d: path(selected) ?? "", fill: "none", stroke: "#ffffff", "stroke-width": 5 }));
    body.push(tag("path", { d: path(selected) ?? "", fill: "none", stroke: "#000000", "stroke-width": 2.5 }));
  }
  for (const point of input.points?.features ?? []) {
    const [x, y] = projection(point.geometry.coordinates as [number, number]) ?? [Number.NaN, Number.NaN];
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    body.push(
      tag(
        "circle",
        {
          cx: x,
          cy: y,
          r: pointRadius(point.properties.places ?? 0),
          fill: point.properties.colour,
          stroke: "#1f2933",
          "stroke-width": 1,
          class: "organisation",
        },
        titleTag(`${point.properties.name}: ${point.properties.provision}`),
      ),
    );
  }

  const lx = mapWidth + 14;
  let ly = 24;
  const titleLines = wrapWords(input.legendTitle, 30);
  body.push(
    wrappedText(lx, ly + (titleLines.length - 1) * 16, input.legendTitle, 30, { "font-weight": 700 }, 16),
  );
  ly += 4 + titleLines.length * 16;
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
    body.push(text(lx + 30, ly, `${input.classification.labels[i]} (${input.counts.classes[i]})`));
    ly += 20;
  });
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
    body.push(text(lx + 30, ly, `${STATUS_LABELS[status].split(":")[0]} (${input.counts.statuses[status]})`));
    ly += 20;
  }
  if (input.points)
    body.push(text(lx, ly + 6, "Points: organisations, sized by places", { fill: MUTED, "font-size": 11 }));
  return svgDocument(size, meta, body, defs);
}
