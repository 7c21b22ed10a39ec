import type { Insertable, Selectable } from "kysely";

export interface SurveyWaveTable {
  id: string;
  label: string;
  fieldworkStart: string | null;
  fieldworkEnd: string | null;
  /** 1 when the wave's returns are synthetic (demo data); 0 for real survey returns. */
  synthetic: number;
  source: string;
}
export type SurveyWaveRow = Selectable<SurveyWaveTable>;
export type NewSurveyWaveRow = Insertable<SurveyWaveTable>;
