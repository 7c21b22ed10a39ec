import type { Insertable, Selectable } from "kysely";

/** Lists (facilitators, barriers, funding sources) are stored `;`-joined so both engines agree. */
export interface SurveyReturnTable {
  waveId: string;
  orgCode: string;
  provision: string;
  stage: string | null;
  coursesRun: number | null;
  placesOffered: number | null;
  participantsStarted: number | null;
  participantsCompleted: number | null;
  teachersTrained: number | null;
  teachersActive: number | null;
  medianWaitWeeks: number | null;
  deliveryMode: string | null;
  championPresent: number | null;
  leadershipSupport: number | null;
  commissionerSupport: number | null;
  facilitators: string;
  barriers: string;
  fundingSources: string;
  notes: string | null;
  batchId: string;
}
export type SurveyReturnRow = Selectable<SurveyReturnTable>;
export type NewSurveyReturnRow = Insertable<SurveyReturnTable>;
