import type { Area, AreaLevel } from "@atlas/domain";

/** The level below, for drill-down; null at the bottom. */
export function childLevel(level: AreaLevel): AreaLevel | null {
  return level === "nation" ? "region" : level === "region" ? "local" : null;
}

/** Walks up the parents to the area's nation (the area itself if it is one). */
export function nationOf(code: string, areas: ReadonlyMap<string, Area>): Area | null {
  let area = areas.get(code) ?? null;
  for (let depth = 0; area && area.level !== "nation" && depth < 4; depth++) {
    area = area.parentCode ? (areas.get(area.parentCode) ?? null) : null;
  }
  return area?.level === "nation" ? area : null;
}

/** Areas by code, for lookups. */
export function areaIndex(areas: ReadonlyArray<Area>): Map<string, Area> {
  return new Map(areas.map((a) => [a.code, a]));
}

/** The area level of a response (reports may also be per organisation, which no view here asks for). */
export function areaLevelOf(level: string, fallback: AreaLevel): AreaLevel {
  return level === "nation" || level === "region" || level === "local" ? level : fallback;
}
