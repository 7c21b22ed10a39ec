import { z } from "zod";
import { WaveIdSchema } from "./reference";
import {
  BARRIERS,
  DELIVERY_MODES,
  FACILITATORS,
  FUNDING_SOURCES,
  PROVISIONS,
  STAGES,
  SUPPORT_LEVELS,
} from "./vocabulary";

const count = z.number().int().nonnegative().nullable();

/**
 * One organisation's return in one wave, as stored and served.
 * The file format (snake_case columns) is parsed into this shape by the importer.
 */
export const SurveyReturnSchema = z.object({
  waveId: WaveIdSchema,
  orgCode: z.string().min(1),
  provision: z.enum(PROVISIONS),
  stage: z.enum(STAGES).nullable(),
  coursesRun: count,
  placesOffered: count,
  participantsStarted: count,
  participantsCompleted: count,
  teachersTrained: count,
  teachersActive: count,
  medianWaitWeeks: z.number().nonnegative().nullable(),
  deliveryMode: z.enum(DELIVERY_MODES).nullable(),
  championPresent: z.boolean().nullable(),
  leadershipSupport: z
    .number()
    .int()
    .refine((n) => (SUPPORT_LEVELS as readonly number[]).includes(n))
    .nullable(),
  commissionerSupport: z
    .number()
    .int()
    .refine((n) => (SUPPORT_LEVELS as readonly number[]).includes(n))
    .nullable(),
  facilitators: z.array(z.enum(FACILITATORS)),
  barriers: z.array(z.enum(BARRIERS)),
  fundingSources: z.array(z.enum(FUNDING_SOURCES)),
  notes: z.string().nullable(),
});
export type SurveyReturn = z.infer<typeof SurveyReturnSchema>;

export {
  ANSWER_COLUMNS,
  type AnswerColumn,
  REQUIRED_SURVEY_COLUMNS,
  SURVEY_COLUMNS,
  type SurveyColumn,
} from "./survey-columns";

/**
 * A return with only the required answers and every optional field empty: the base that generators,
 * fixtures and redactions fill in.
 * @example blankReturn("2024", "RV3", "no_response")
 */
export function blankReturn(
  waveId: string,
  orgCode: string,
  provision: SurveyReturn["provision"],
): SurveyReturn {
  return {
    waveId,
    orgCode,
    provision,
    stage: null,
    coursesRun: null,
    placesOffered: null,
    participantsStarted: null,
    participantsCompleted: null,
    teachersTrained: null,
    teachersActive: null,
    medianWaitWeeks: null,
    deliveryMode: null,
    championPresent: null,
    leadershipSupport: null,
    commissionerSupport: null,
    facilitators: [],
    barriers: [],
    fundingSources: [],
    notes: null,
  };
}
