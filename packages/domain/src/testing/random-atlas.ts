/**
 * Test support: random but well-formed atlases (nations, regions, local areas, organisations with mergers,
 * two waves of returns) from a seed, for property tests at the domain and the API level alike.
 */
import type { AtlasData } from "../metrics/atlas-index";
import type { Area, Organisation, Wave } from "../reference";
import { blankReturn, type SurveyReturn } from "../survey-return";
import type { Provision } from "../vocabulary";

/** mulberry32: small, fast and deterministic. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NATIONS = ["E92000001", "S92000003", "W92000004", "N92000002"];

export interface RandomAtlasOptions {
  /** Largest number of nations, regions per nation, local areas per region, organisations per local area. */
  nations?: number;
  regions?: number;
  locals?: number;
  organisations?: number;
}

/**
 * A random atlas. Counts of people are mostly small (0–12, so primary and secondary suppression both show),
 * organisations report both counts, one, or neither, and some close in 2023 into a successor (in the same or
 * another local area), so the current basis re-bases their 2022 returns.
 */
export function randomAtlas(seed: number, options: RandomAtlasOptions = {}): AtlasData {
  const random = prng(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const areas: Area[] = [];
  const organisations: Organisation[] = [];
  const area = (code: string, level: Area["level"], parentCode: string | null): Area => ({
    code,
    name: `Area ${code}`,
    level,
    parentCode,
    adultPopulation: 10_000 * int(5, 50),
    populationYear: 2022,
    populationSource: "random",
  });
  let r = 0;
  let l = 0;
  let o = 0;
  for (const nation of NATIONS.slice(0, int(1, options.nations ?? 3))) {
    const nationArea = area(nation, "nation", null);
    areas.push(nationArea);
    let nationAdults = 0;
    for (let i = 0; i < int(1, options.regions ?? 3); i++) {
      const regionArea = area(`R${String(++r).padStart(8, "0")}`, "region", nation);
      areas.push(regionArea);
      let regionAdults = 0;
      for (let j = 0; j < int(1, options.locals ?? 3); j++) {
        const local = area(`L${String(++l).padStart(8, "0")}`, "local", regionArea.code);
        areas.push(local);
        regionAdults += local.adultPopulation;
        for (let k = 0; k < int(1, options.organisations ?? 4); k++) {
          organisations.push({
            code: `O${String(++o).padStart(3, "0")}`,
            name: `Organisation ${o}`,
            type: "mental_health_trust",
            areaCode: local.code,
            lat: null,
            lon: null,
            openedOn: null,
            closedOn: null,
            successorCode: null,
            source: "random",
          });
        }
      }
      regionArea.adultPopulation = regionAdults;
      nationAdults += regionAdults;
    }
    nationArea.adultPopulation = nationAdults;
  }
  // Mergers: about one organisation in six closes into another open one.
  for (const org of organisations) {
    if (random() >= 0.17) continue;
    const open = organisations.filter((x) => x !== org && x.closedOn === null && x.successorCode === null);
    const successor = open.length > 0 ? pick(open) : undefined;
    if (!successor || organisations.some((x) => x.successorCode === org.code)) continue;
    org.closedOn = "2023-06-30";
    org.successorCode = successor.code;
  }
  const waves: Wave[] = ["2022", "2024"].map((id) => ({
    id,
    label: id,
    fieldworkStart: null,
    fieldworkEnd: null,
    synthetic: true,
    source: "random",
  }));
  const returns: SurveyReturn[] = [];
  const provisions: Provision[] = [
    "routine",
    "routine",
    "limited",
    "limited",
    "paused",
    "none",
    "no_response",
    "withheld",
    "not_applicable",
  ];
  for (const wave of waves) {
    for (const org of organisations) {
      if (wave.id === "2024" && org.closedOn !== null) continue;
      if (random() < 0.05) continue; // not surveyed
      const provision = pick(provisions);
      const row = blankReturn(wave.id, org.code, provision);
      const counting = provision === "routine" || provision === "limited" || random() < 0.15;
      if (counting && provision !== "not_applicable") {
        const started = random() < 0.4 ? int(0, 4) : int(5, 14);
        const completed = Math.min(started, random() < 0.4 ? int(0, 4) : int(started - 3, started));
        const shape = random();
        row.participantsStarted = shape < 0.85 ? started : null;
        row.participantsCompleted =
          shape < 0.7 || (shape >= 0.85 && shape < 0.9) ? Math.max(0, completed) : null;
      }
      returns.push(row);
    }
  }
  return { areas, organisations, waves, returns };
}
