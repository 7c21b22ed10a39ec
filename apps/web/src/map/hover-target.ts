import type { FeatureCollection, Point } from "geojson";
import type { AreaMapProperties, OrganisationMapProperties } from "./geo";

/** What the pointer (or keyboard focus) is on, and where, in the map frame's pixels. */
export type HoverTarget =
  | { kind: "area"; x: number; y: number; properties: AreaMapProperties }
  | { kind: "organisation"; x: number; y: number; properties: OrganisationMapProperties };

/**
 * The hovered area or organisation as it is in the data drawn now. The pointer may rest while the wave
 * changes (playing, or the keyboard on the slider): the tooltip must then show the new wave's values, not
 * the old ones under the new wave's name, and nothing for an organisation that is not in the new wave.
 * An area no longer drawn is the one just clicked or tapped to drill down: it stays, as the selection.
 */
export function currentHoverTarget(
  target: HoverTarget | null,
  areas: readonly AreaMapProperties[],
  points: FeatureCollection<Point, OrganisationMapProperties> | null,
): HoverTarget | null {
  if (!target) return null;
  if (target.kind === "area") {
    const now = areas.find((a) => a.code === target.properties.code);
    return now ? { ...target, properties: now } : target;
  }
  const now = points?.features.find((f) => f.properties.code === target.properties.code);
  return now ? { ...target, properties: now.properties } : null;
}
