import type { Insertable, Selectable } from "kysely";

export interface AreaTable {
  code: string;
  name: string;
  level: "nation" | "region" | "local";
  parentCode: string | null;
  adultPopulation: number;
  populationYear: number;
  populationSource: string;
}
export type AreaRow = Selectable<AreaTable>;
export type NewAreaRow = Insertable<AreaTable>;
