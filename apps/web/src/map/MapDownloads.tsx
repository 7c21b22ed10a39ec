import type { AreaLevel, Metric } from "@atlas/domain";
import type { FeatureCollection, MultiPolygon, Point, Polygon } from "geojson";
import { FigureDownloads } from "../downloads/FigureDownloads";
import { CsvLink } from "../shell/CsvLink";
import type { Classification, LegendCounts } from "./classes";
import type { AreaMapProperties, OrganisationMapProperties } from "./geo";

export interface MapDownloadsProps {
  areas: FeatureCollection<Polygon | MultiPolygon, AreaMapProperties>;
  points: FeatureCollection<Point, OrganisationMapProperties> | null;
  classification: Classification;
  counts: LegendCounts;
  metric: Metric;
  wave: string;
  level: AreaLevel;
  selected: string | null;
  synthetic: boolean;
}

/** CSV of the map's rows, and the map itself as SVG or PNG (drawn from the same data, with its legend). */
export function MapDownloads(props: MapDownloadsProps) {
  const title = `${props.metric.title}, ${props.wave}, by ${props.level} area`;
  const build = async () => {
    const { mapSvg } = await import("./map-svg");
    return mapSvg(
      {
        areas: props.areas,
        points: props.points,
        classification: props.classification,
        counts: props.counts,
        legendTitle: `${props.metric.title}, ${props.wave}`,
        selected: props.selected,
      },
      { width: 900, height: 900 },
      { id: "map-export", title, description: `Choropleth map of ${title}.` },
    );
  };
  return (
    <span className="downloads">
      <CsvLink
        request={{ view: "coverage", wave: props.wave, level: props.level, metric: props.metric.id }}
        label="CSV"
      />
      <FigureDownloads
        build={build}
        title={title}
        filters={[`metric ${props.metric.id}`, `wave ${props.wave}`, `level ${props.level}`]}
        synthetic={props.synthetic}
        fileParts={["map", props.metric.id, props.wave, props.level]}
      />
    </span>
  );
}
