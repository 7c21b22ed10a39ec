import type { Generated, Insertable, Selectable } from "kysely";

export interface SurveyWaveTable {
  id: string;
  label: string;
  fieldworkStart: string | null;
  fieldworkEnd: string | null;
  /** 1 when the wave's returns are synthetic (demo data); 0 for real survey returns. */
  synthetic: number;
  source: string;
  /** 1 when the wave is public; 0 for a draft, which only admin reads (`include=drafts`) see. */
  published: Generated<number>;
  /** 1 when the wave's values are provisional (may still change); shown wherever they appear. */
  provisional: Generated<number>;
  /** When the wave last became public (null while a draft), and who made it so. */
  publishedAt: string | null;
  publishedBy: string | null;
  /** Bumped by every write to the wave (its returns or its state): the data cache rereads a wave when it changes. */
  revision: Generated<number>;
}
export type SurveyWaveRow = Selectable<SurveyWaveTable>;
export type NewSurveyWaveRow = Insertable<SurveyWaveTable>;
