import type { Insertable, Selectable } from "kysely";

export interface OrganisationTable {
  code: string;
  name: string;
  type: string;
  areaCode: string;
  lat: number | null;
  lon: number | null;
  openedOn: string | null;
  closedOn: string | null;
  successorCode: string | null;
  source: string;
}
export type OrganisationRow = Selectable<OrganisationTable>;
export type NewOrganisationRow = Insertable<OrganisationTable>;
