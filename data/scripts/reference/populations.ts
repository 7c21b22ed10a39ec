/** Adult (18+) populations of every area and the rows of areas.csv. */
import type { AreaRow, Level } from "../validate-reference";
import { OGL } from "./config";
import { DEVOLVED_REGIONS, type LocalArea, NATIONS } from "./local-areas";
import { compareStrings, fail, note } from "./util";

/**
 * Local populations come from the raw files; regions and nations are the sums
 * of their local areas, cross-checked against the published totals.
 */
export function buildAreaRows(
  locals: LocalArea[],
  englandRegions: { code: string; name: string }[],
  population: Record<string, string>[],
): AreaRow[] {
  const popRow = (type: string, code: string, year: string) => {
    const rows = population.filter((r) => r.geography_type === type && r.code === code && r.year === year);
    if (rows.length !== 1)
      fail(`expected one ${type} population row for ${code} ${year}, found ${rows.length}`);
    return rows[0]!;
  };
  const int = (s: string | undefined, what: string): number => {
    const n = Number(s);
    if (!s || !Number.isInteger(n)) fail(`${what}: "${s}" is not an integer`);
    return n;
  };
  const SAPE = "ONS mid-2022 population estimates for health geographies (sapehealthgeogstablefinal)";
  const localPopulation = new Map<string, { adults: number; year: number; source: string }>();
  // Method check for NI on GB areas, where the true 18+ is known.
  const niMethodErrors: number[] = [];
  for (const l of locals) {
    if (l.kind === "hsct") {
      const r = popRow("HSCT", l.code, "2020");
      const all = int(r.all_ages, `${l.code} all_ages`);
      const over16 = int(r.aged_16_plus, `${l.code} aged_16_plus`);
      const age16to17 = Math.round(((all - over16) * 2) / 16);
      localPopulation.set(l.code, {
        adults: over16 - age16to17,
        year: 2020,
        source: `NISRA mid-2020 population estimates by HSC Trust: 18+ derived as 16+ minus 2/16 of ages 0-15 (see data/README.md), ${OGL}`,
      });
      continue;
    }
    const type = { icb: "ICB", hb: "HB", lhb: "LHB" }[l.kind];
    const r = popRow(type, l.code, "2022");
    const adults = int(r.aged_18_plus, `${l.code} aged_18_plus`);
    const all = int(r.all_ages, `${l.code} all_ages`);
    const over16 = int(r.aged_16_plus, `${l.code} aged_16_plus`);
    niMethodErrors.push((over16 - Math.round(((all - over16) * 2) / 16) - adults) / adults);
    localPopulation.set(l.code, {
      adults,
      year: 2022,
      source:
        l.kind === "icb"
          ? `${SAPE}, ICB 2023, ${OGL}`
          : l.kind === "lhb"
            ? `${SAPE}, LHB 2023, ${OGL}`
            : `NRS mid-2022 population estimates by council area, aggregated to NHS Health Boards (HB2019), ${OGL}`,
    });
  }
  const meanAbs = niMethodErrors.reduce((s, e) => s + Math.abs(e), 0) / niMethodErrors.length;
  const maxAbs = Math.max(...niMethodErrors.map(Math.abs));
  note(
    `NI 18+ method (16+ minus 2/16 of 0-15) tested on the ${niMethodErrors.length} GB local areas with known 18+: mean |error| ${(meanAbs * 100).toFixed(2)}%, max |error| ${(maxAbs * 100).toFixed(2)}% of 18+`,
  );

  // --- Area rows -------------------------------------------------------------
  const areaRows: AreaRow[] = [];
  const sumOf = (codes: string[]) => codes.reduce((s, c) => s + (localPopulation.get(c)?.adults ?? 0), 0);
  const yearOfNation: Record<string, number> = {
    E92000001: 2022,
    S92000003: 2022,
    W92000004: 2022,
    N92000002: 2020,
  };
  const nationSource: Record<string, string> = {
    E92000001: `Sum of the 42 ICBs: ${SAPE}, ${OGL}`,
    S92000003: `Sum of the 14 NHS Health Boards: NRS mid-2022 population estimates, ${OGL}`,
    W92000004: `Sum of the 7 Local Health Boards: ${SAPE}, ${OGL}`,
    N92000002: `Sum of the 5 HSC Trusts: NISRA mid-2020 estimates, 18+ derived from 16+ (see data/README.md), ${OGL}`,
  };
  for (const n of NATIONS) {
    areaRows.push({
      code: n.code,
      name: n.name,
      level: "nation",
      parent_code: "",
      adult_population: sumOf(locals.filter((l) => l.nation === n.code).map((l) => l.code)),
      population_year: yearOfNation[n.code]!,
      population_source: nationSource[n.code]!,
    });
  }
  for (const r of englandRegions) {
    const children = locals.filter((l) => l.region === r.code);
    areaRows.push({
      code: r.code,
      name: r.name,
      level: "region",
      parent_code: "E92000001",
      adult_population: sumOf(children.map((l) => l.code)),
      population_year: 2022,
      population_source: `Sum of the ${children.length} ICBs: ${SAPE}, ${OGL}`,
    });
  }
  for (const r of DEVOLVED_REGIONS) {
    const children = locals.filter((l) => l.region === r.code);
    const nation = areaRows.find((a) => a.code === r.nation)!;
    areaRows.push({
      code: r.code,
      name: r.name,
      level: "region",
      parent_code: r.nation,
      adult_population: sumOf(children.map((l) => l.code)),
      population_year: nation.population_year,
      population_source: `ONS pseudo code for ${r.name} (no NHS England region); ${nation.population_source}`,
    });
  }
  for (const l of locals) {
    const p = localPopulation.get(l.code)!;
    areaRows.push({
      code: l.code,
      name: l.name,
      level: "local",
      parent_code: l.region,
      adult_population: p.adults,
      population_year: p.year,
      population_source: p.source,
    });
  }
  const levelOrder: Record<Level, number> = { nation: 0, region: 1, local: 2 };
  areaRows.sort((a, b) => levelOrder[a.level] - levelOrder[b.level] || compareStrings(a.code, b.code));
  // Cross-check the sums against the summary file's own NHSER / country rows.
  for (const a of areaRows) {
    const type = a.level === "nation" ? "CTRY" : a.level === "region" ? "NHSER" : "";
    if (!type || a.code === "N92000002") continue;
    const r = population.find((x) => x.geography_type === type && x.code === a.code && x.year === "2022");
    if (r && Number(r.aged_18_plus) !== a.adult_population) {
      fail(`${a.code}: sum of children ${a.adult_population} != published ${type} total ${r.aged_18_plus}`);
    }
  }
  note(
    "England, Scotland, Wales and the 7 NHS England region totals equal the summary file's own NHSER/CTRY 18+ rows",
  );
  return areaRows;
}
