import { type Area, byName, type Place, type PlaceType } from "@atlas/domain";

export interface SearchResult {
  kind: "area" | "organisation" | "place";
  /** The result's own code (area, organisation or place). */
  code: string;
  name: string;
  /** A second line: the level and parent for areas, the area for organisations, the serving area for places. */
  detail: string;
  level?: Area["level"];
  /** The area a choice selects: the area itself, or the NHS area serving (most of) a place. */
  target?: string;
}

const LEVEL_WORDS: Record<Area["level"], string> = {
  nation: "Nation",
  region: "Region",
  local: "Local area",
};

const PLACE_WORDS: Record<PlaceType, string> = {
  local_authority_district_2024: "Local authority",
  county_2023: "County",
  local_authority_2021: "Local authority",
  council_area_2019: "Council area",
  local_government_district_2021: "Council district",
};

/** Lowercase, accents off, so "Ynys Mon" finds "Ynys Môn". */
export function normalise(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .trim();
}

/** "NHS West Yorkshire Integrated Care Board" → "NHS West Yorkshire ICB", as people say it. */
export const shortAreaName = (name: string): string => name.replace(/ Integrated Care Board$/, " ICB");

/**
 * A share of a place in words. Shares count small areas (LSOAs, data zones), not people, so they are
 * said roughly: "almost all", "mostly", "about half", "about 20%", "a small part".
 * @example shareWords(0.567) // "about 60%"; shareWords(0.9129) // "mostly"
 */
export function shareWords(share: number): string {
  if (share >= 0.95) return "almost all";
  if (share >= 0.75) return "mostly";
  if (share >= 0.45 && share <= 0.55) return "about half";
  if (share < 0.05) return "a small part";
  const step = share < 0.3 ? 5 : 10;
  return `about ${Math.round((share * 100) / step) * step}%`;
}

/**
 * Which NHS area(s) serve a place, in words: "served by NHS West Yorkshire ICB", or for a split place
 * "mostly in NHS Surrey Heartlands ICB, about 15% in NHS Frimley ICB".
 */
export function servedBy(place: Pick<Place, "areas">, names: ReadonlyMap<string, string>): string {
  const name = (code: string) => shortAreaName(names.get(code) ?? code);
  if (place.areas.length === 1) return `served by ${name(place.areas[0]!.code)}`;
  return place.areas.map((a) => `${shareWords(a.share)} in ${name(a.code)}`).join(", ");
}

/**
 * Areas, places and organisations whose name or code contains the query: exact codes and names first,
 * then names that start with it, then the rest, alphabetically within each. At most `limit`.
 * @example searchAll("leeds", areas, orgs, places)[0] // the place Leeds, served by NHS West Yorkshire ICB
 */
export function searchAll(
  query: string,
  areas: ReadonlyArray<Area>,
  organisations: ReadonlyArray<{ code: string; name: string; areaName: string }>,
  places: ReadonlyArray<Place> = [],
  limit = 12,
): SearchResult[] {
  const q = normalise(query);
  if (q.length < 2) return [];
  const names = new Map(areas.map((a) => [a.code, a.name]));
  const candidates: SearchResult[] = [
    ...areas.map((a) => ({
      kind: "area" as const,
      code: a.code,
      name: a.name,
      level: a.level,
      target: a.code,
      detail: `${LEVEL_WORDS[a.level]}${a.parentCode && names.has(a.parentCode) ? ` in ${names.get(a.parentCode)}` : ""}`,
    })),
    ...places.map((p) => ({
      kind: "place" as const,
      code: p.code,
      name: p.name,
      level: "local" as const,
      target: p.areas[0]!.code,
      detail: `${PLACE_WORDS[p.type]} in ${p.nation}, ${servedBy(p, names)}`,
    })),
    ...organisations.map((o) => ({
      kind: "organisation" as const,
      code: o.code,
      name: o.name,
      detail: `Organisation in ${o.areaName}`,
    })),
  ];
  const rank = (r: SearchResult): number => {
    const name = normalise(r.name);
    if (normalise(r.code) === q || name === q) return 0;
    if (name.startsWith(q)) return 1;
    if (name.includes(q) || normalise(r.code).includes(q)) return 2;
    return -1;
  };
  return candidates
    .map((r) => [rank(r), r] as const)
    .filter(([score]) => score >= 0)
    .sort((a, b) => a[0] - b[0] || byName(a[1], b[1]))
    .slice(0, limit)
    .map(([, r]) => r);
}
