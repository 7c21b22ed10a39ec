/** Pure checks on areas.csv: codes, levels, parents, populations and their sums. */
import { duplicates, error } from "./issues";
import { type AreaRow, EXPECTED_LEVEL_COUNTS, type Issue, LEVELS, type Level } from "./schema";

const PARENT_LEVEL: Record<Level, Level | null> = { nation: null, region: "nation", local: "region" };

/** Unique codes, valid levels and parents, positive populations, per-level counts. */
export function validateAreas(
  areas: AreaRow[],
  expectedCounts: Readonly<Record<Level, number>> = EXPECTED_LEVEL_COUNTS,
): Issue[] {
  const issues: Issue[] = [];
  for (const code of duplicates(areas.map((a) => a.code))) {
    issues.push(error("unique-area-code", code, `area code ${code} appears more than once in areas.csv`));
  }
  const byCode = new Map(areas.map((a) => [a.code, a]));
  for (const a of areas) {
    if (!a.code) issues.push(error("area-code", a.code, `area "${a.name}" has an empty code`));
    if (!a.name) issues.push(error("area-name", a.code, `area ${a.code} has an empty name`));
    if (!(LEVELS as readonly string[]).includes(a.level)) {
      issues.push(error("area-level", a.code, `area ${a.code} has unknown level "${a.level}"`));
      continue;
    }
    const parentLevel = PARENT_LEVEL[a.level];
    if (parentLevel === null) {
      if (a.parent_code) issues.push(error("area-parent", a.code, `nation ${a.code} must not have a parent`));
    } else {
      const parent = byCode.get(a.parent_code);
      if (!parent) {
        issues.push(
          error(
            "area-parent",
            a.code,
            `area ${a.code} has parent ${a.parent_code || "(empty)"} which is not an area`,
          ),
        );
      } else if (parent.level !== parentLevel) {
        issues.push(
          error(
            "area-parent",
            a.code,
            `area ${a.code} (${a.level}) has parent ${parent.code} of level ${parent.level}, expected ${parentLevel}`,
          ),
        );
      }
    }
    if (!Number.isInteger(a.adult_population) || a.adult_population <= 0) {
      issues.push(
        error("area-population", a.code, `area ${a.code} has invalid adult_population ${a.adult_population}`),
      );
    }
    if (!Number.isInteger(a.population_year) || a.population_year < 2000 || a.population_year > 2100) {
      issues.push(
        error(
          "area-population-year",
          a.code,
          `area ${a.code} has invalid population_year ${a.population_year}`,
        ),
      );
    }
    if (!a.population_source)
      issues.push(error("area-population-source", a.code, `area ${a.code} has no population_source`));
  }
  for (const level of LEVELS) {
    const n = areas.filter((a) => a.level === level).length;
    if (n !== expectedCounts[level]) {
      issues.push(error("area-count", level, `expected ${expectedCounts[level]} ${level} areas, found ${n}`));
    }
  }
  return issues;
}

/** Every parent's adult_population must equal the exact sum of its children's. */
export function validatePopulationSums(areas: AreaRow[]): Issue[] {
  const issues: Issue[] = [];
  const sums = new Map<string, number>();
  const counts = new Map<string, number>();
  for (const a of areas) {
    if (!a.parent_code) continue;
    sums.set(a.parent_code, (sums.get(a.parent_code) ?? 0) + a.adult_population);
    counts.set(a.parent_code, (counts.get(a.parent_code) ?? 0) + 1);
  }
  for (const a of areas) {
    if (a.level === "local") continue;
    const sum = sums.get(a.code);
    if (sum === undefined) {
      issues.push(error("population-sum", a.code, `${a.level} ${a.code} has no child areas`));
    } else if (sum !== a.adult_population) {
      issues.push(
        error(
          "population-sum",
          a.code,
          `${a.level} ${a.code} adult_population ${a.adult_population} != sum of its ${counts.get(a.code)} children ${sum}`,
        ),
      );
    }
  }
  return issues;
}
