import type { Area } from "@atlas/domain";

export interface SearchResult {
  kind: "area" | "organisation";
  code: string;
  name: string;
  /** A second line: the level and parent for areas, the area for organisations. */
  detail: string;
  level?: Area["level"];
}

const LEVEL_WORDS: Record<Area["level"], string> = {
  nation: "Nation",
  region: "Region",
  local: "Local area",
};

/** Lowercase, accents off, so "Ynys Mon" finds "Ynys Môn". */
export function normalise(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .trim();
}

/**
 * Areas and organisations whose name or code contains the query; exact code matches first, then names
 * that start with it, then the rest, alphabetically within each. At most `limit`.
 * @example searchAll("leeds", areas, orgs)[0].name // "Leeds and York Partnership NHS Foundation Trust"
 */
export function searchAll(
  query: string,
  areas: ReadonlyArray<Area>,
  organisations: ReadonlyArray<{ code: string; name: string; areaName: string }>,
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
      detail: `${LEVEL_WORDS[a.level]}${a.parentCode && names.has(a.parentCode) ? ` in ${names.get(a.parentCode)}` : ""}`,
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
    if (normalise(r.code) === q) return 0;
    if (name.startsWith(q)) return 1;
    if (name.includes(q) || normalise(r.code).includes(q)) return 2;
    return -1;
  };
  return candidates
    .map((r) => [rank(r), r] as const)
    .filter(([score]) => score >= 0)
    .sort((a, b) => a[0] - b[0] || a[1].name.localeCompare(b[1].name))
    .slice(0, limit)
    .map(([, r]) => r);
}
