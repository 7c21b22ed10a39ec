import type { AreaLevel, Metric } from "@atlas/domain";
import type { FeatureCollection, MultiPolygon, Point, Polygon } from "geojson";
import { FigureDownloads } from "../downloads/FigureDownloads";
import { assumptionsInForce, assumptionsLine } from "../need/need-line";
import { CsvLink } from "../shell/CsvLink";
import type { NeedInUrl } from "../url/url-state";
import type { Classification, LegendCounts } from "./classes";
import type { AreaMapProperties, OrganisationMapProperties } from "./geo";
import type { PointStatus } from "./point-marks";

export interface MapDownloadsProps {
  areas: FeatureCollection<Polygon | MultiPolygon, AreaMapProperties>;
  points: FeatureCollection<Point, OrganisationMapProperties> | null;
  classification: Classification;
  /** Null (with metric or wave) while the map's data load: the buttons keep their place, disabled. */
  counts: LegendCounts | null;
  provisionCounts: Map<PointStatus, number> | null;
  metric: Metric | null;
  wave: string | null;
  level: AreaLevel;
  selected: string | null;
  synthetic: boolean;
  need: NeedInUrl;
}

/** CSV of the map's rows, and the map itself as SVG or PNG (drawn from the same data, with both keys). */
export function MapDownloads(props: MapDownloadsProps) {
  const { metric, wave, counts } = props;
  if (!metric || !wave || !counts) {
    return (
      <span className="downloads" aria-hidden="true">
        <span className="csv-links">
          {/* Disabled buttons, not styled spans: an inactive control is exempt from the contrast minimum. */}
          <button type="button" disabled tabIndex={-1}>
            CSV
          </button>{" "}
          <button type="button" className="link-button" disabled tabIndex={-1}>
            JSON
          </button>
        </span>
        <span className="figure-downloads">
          <button type="button" disabled tabIndex={-1}>
            SVG
          </button>
          <button type="button" disabled tabIndex={-1}>
            PNG
          </button>
        </span>
      </span>
    );
  }
  const title = `${metric.title}, ${wave}, by ${props.level} area`;
  const build = async () => {
    const { mapSvg } = await import("./map-svg");
    return mapSvg(
      {
        areas: props.areas,
        points: props.points,
        classification: props.classification,
        counts,
        provisionCounts: props.provisionCounts,
        legendTitle: `${metric.title}, ${wave}`,
        metric,
        selected: props.selected,
      },
      { width: 960, height: 900 },
      { id: "map-export", title, description: `Choropleth map of ${title}.` },
    );
  };
  return (
    <span className="downloads">
      <CsvLink
        request={{ view: "coverage", wave, level: props.level, metric: metric.id, need: props.need }}
        label="CSV"
      />
      <FigureDownloads
        build={build}
        title={title}
        filters={[`metric ${metric.id}`, `wave ${wave}`, `level ${props.level}`]}
        notes={[
          ...(metric.assumptions ? [assumptionsLine(assumptionsInForce(props.need))] : []),
          ...(counts.smallBase > 0
            ? [`Hatched areas rest on 1–4 organisations (${counts.smallBase}): read their values with care.`]
            : []),
        ]}
        synthetic={props.synthetic}
        fileParts={["map", metric.id, wave, props.level]}
      />
    </span>
  );
}
