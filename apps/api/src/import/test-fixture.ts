import { type AtlasDb, insertAreas, insertOrganisations } from "@atlas/db";
import type { Area, Organisation } from "@atlas/domain";

const area = (code: string, level: Area["level"], parentCode: string | null): Area => ({
  code,
  name: `Area ${code}`,
  level,
  parentCode,
  adultPopulation: 1_000_000,
  populationYear: 2022,
  populationSource: "test fixture",
});

const org = (
  code: string,
  openedOn: string | null,
  closedOn: string | null,
  successorCode: string | null,
): Organisation => ({
  code,
  name: `Trust ${code}`,
  type: "mental_health_trust",
  areaCode: "E54000027",
  lat: 51.5,
  lon: -0.1,
  openedOn,
  closedOn,
  successorCode,
  source: "test fixture",
});

/** A small geography for import tests: three open trusts, and OLD1 which closed in 2019 into NEW1. */
export const FIXTURE_AREAS: Area[] = [
  area("E92000001", "nation", null),
  area("E40000003", "region", "E92000001"),
  area("E54000027", "local", "E40000003"),
];
export const FIXTURE_ORGANISATIONS: Organisation[] = [
  org("RV3", "1999-04-01", null, null),
  org("RAT", null, null, null),
  org("RWK", null, null, null),
  org("NEW1", "2019-04-01", null, null),
  org("OLD1", "2001-04-01", "2019-03-31", "NEW1"),
];

export async function insertFixture(db: AtlasDb): Promise<void> {
  await insertAreas(db.db, FIXTURE_AREAS);
  await insertOrganisations(db.db, FIXTURE_ORGANISATIONS);
}
