import type { AnswerColumn } from "../survey-columns";
import {
  BARRIER_DESCRIPTIONS,
  BARRIERS,
  DELIVERY_MODE_LABELS,
  DELIVERY_MODES,
  FACILITATOR_DESCRIPTIONS,
  FACILITATORS,
  FUNDING_SOURCE_DESCRIPTIONS,
  FUNDING_SOURCES,
  PROVISION_DESCRIPTIONS,
  type Provision,
  STAGE_DESCRIPTIONS,
  STAGE_LABELS,
  STAGES,
  SUPPORT_LABELS,
  SUPPORT_LEVELS,
  vocabularyLabel,
} from "../vocabulary";

/**
 * How the respondent form asks for each survey column (data/survey-format.md §2), grouped as a person
 * answering thinks about their service. Every answer column appears exactly once; the values the form
 * writes are the survey format's cells, so the importer's rules (checkReturn) judge them.
 */

/** `choice`: one value (radio buttons); `list`: any of a vocabulary (checkboxes, written `;`-joined). */
export type FormFieldKind = "choice" | "count" | "weeks" | "list" | "text";

export interface FormOption {
  /** The cell written for this choice ("" for "not known"). */
  value: string;
  label: string;
  /** What the value means, where the label alone does not say. */
  hint?: string;
}

export interface FormField {
  column: AnswerColumn;
  label: string;
  /** What the field means: shown under its label. */
  hint: string;
  kind: FormFieldKind;
  required: boolean;
  options?: FormOption[];
}

export interface FormGroup {
  id: string;
  legend: string;
  fields: FormField[];
}

const NOT_KNOWN: FormOption = { value: "", label: "Not known" };

/**
 * The provisions a respondent can choose. `no_response` (invited, did not answer) is the survey team's
 * entry for an organisation that did not answer, so the form does not offer it; the rules still accept it.
 */
export const FORM_PROVISIONS: readonly Provision[] = [
  "routine",
  "limited",
  "paused",
  "none",
  "not_applicable",
  "withheld",
];

const count = (column: AnswerColumn, label: string, hint: string): FormField => ({
  column,
  label,
  hint,
  kind: "count",
  required: false,
});

export const FORM_GROUPS: readonly FormGroup[] = [
  {
    id: "provision",
    legend: "Provision and stage",
    fields: [
      {
        column: "provision",
        label: "Is MBCT offered?",
        hint: "How your organisation offers MBCT (mindfulness-based cognitive therapy) now.",
        kind: "choice",
        required: true,
        options: FORM_PROVISIONS.map((p) => ({
          value: p,
          label: vocabularyLabel(p),
          hint: PROVISION_DESCRIPTIONS[p],
        })),
      },
      {
        column: "stage",
        label: "Implementation stage",
        hint: "Where the service is on the ASPIRE implementation stages.",
        kind: "choice",
        required: false,
        options: [
          ...STAGES.map((s) => ({ value: s, label: STAGE_LABELS[s], hint: STAGE_DESCRIPTIONS[s] })),
          NOT_KNOWN,
        ],
      },
    ],
  },
  {
    id: "courses",
    legend: "Courses and places",
    fields: [
      count(
        "courses_run",
        "MBCT courses run",
        "Courses (8 weekly sessions each) run in the year before the survey. A whole number; blank if not known.",
      ),
      count(
        "places_offered",
        "Places offered",
        "Places on those courses (groups are usually 8 to 15 people).",
      ),
      {
        column: "median_wait_weeks",
        label: "Median wait, in weeks",
        hint: "The median wait from referral to a course. Decimals with a point, for example 7.5.",
        kind: "weeks",
        required: false,
      },
      {
        column: "delivery_mode",
        label: "How courses are delivered",
        hint: "In person, online (live group sessions) or both.",
        kind: "choice",
        required: false,
        options: [...DELIVERY_MODES.map((d) => ({ value: d, label: DELIVERY_MODE_LABELS[d] })), NOT_KNOWN],
      },
    ],
  },
  {
    id: "people",
    legend: "People",
    fields: [
      count(
        "participants_started",
        "People who started a course",
        "In the year before the survey. Not more than the places offered.",
      ),
      count(
        "participants_completed",
        "People who completed a course",
        "Completed usually means 4 or more of the 8 sessions. Not more than the people who started.",
      ),
    ],
  },
  {
    id: "teachers",
    legend: "Teachers",
    fields: [
      count(
        "teachers_trained",
        "Staff trained to teach MBCT",
        "Trained to the UK Good Practice Guidelines for mindfulness-based teachers.",
      ),
      count(
        "teachers_active",
        "Of those, staff teaching MBCT now",
        "Trained staff who are teaching courses now.",
      ),
    ],
  },
  {
    id: "support",
    legend: "Support, facilitators and barriers",
    fields: [
      {
        column: "champion_present",
        label: "Is there an MBCT champion in post?",
        hint: "A champion is a local implementer who makes the case for MBCT and drives the service.",
        kind: "choice",
        required: false,
        options: [
          { value: "yes", label: "Yes", hint: "A champion is in post" },
          { value: "no", label: "No", hint: "No champion in post" },
          NOT_KNOWN,
        ],
      },
      ...(["leadership_support", "commissioner_support"] as const).map(
        (column): FormField => ({
          column,
          label:
            column === "leadership_support" ? "Support from service leaders" : "Support from commissioners",
          hint:
            column === "leadership_support"
              ? "How far service leaders and managers support MBCT."
              : "How far the commissioners of your services support MBCT.",
          kind: "choice",
          required: false,
          options: [
            ...SUPPORT_LEVELS.map((l) => ({ value: String(l), label: SUPPORT_LABELS[l] })),
            NOT_KNOWN,
          ],
        }),
      ),
      {
        column: "facilitators",
        label: "What has helped MBCT here?",
        hint: "Tick all that apply.",
        kind: "list",
        required: false,
        options: FACILITATORS.map((f) => ({ value: f, label: FACILITATOR_DESCRIPTIONS[f] })),
      },
      {
        column: "barriers",
        label: "What has got in the way?",
        hint: "Tick all that apply.",
        kind: "list",
        required: false,
        options: BARRIERS.map((b) => ({ value: b, label: BARRIER_DESCRIPTIONS[b] })),
      },
      {
        column: "funding_sources",
        label: "How is MBCT funded?",
        hint: "Tick all that apply.",
        kind: "list",
        required: false,
        options: FUNDING_SOURCES.map((f) => ({ value: f, label: FUNDING_SOURCE_DESCRIPTIONS[f] })),
      },
    ],
  },
  {
    id: "notes",
    legend: "Notes",
    fields: [
      {
        column: "notes",
        label: "Anything else the survey team should know",
        hint: "Up to 2,000 characters. Please do not name or describe patients or staff.",
        kind: "text",
        required: false,
      },
    ],
  },
];

/** Every form field, in the form's order. */
export const FORM_FIELDS: readonly FormField[] = FORM_GROUPS.flatMap((g) => g.fields);

/** A field by its column. */
export function formField(column: AnswerColumn): FormField {
  const field = FORM_FIELDS.find((f) => f.column === column);
  if (!field) throw new Error(`no form field for ${column}`);
  return field;
}
