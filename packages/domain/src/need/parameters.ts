/**
 * The need model's assumptions. Each is a named parameter with its default, its bounds and where it comes
 * from; the API takes each as a query parameter of the same id and the dashboard keeps non-default values
 * in its URL. Sources: ../shared/domain/aspire-facts.md (E1, E2, L1, N3, N7) and docs/statistics.md.
 */
export const NEED_PARAMETER_IDS = [
  "atRisk",
  "commissionPct",
  "groupSize",
  "teachersPerCourse",
  "coursesPerTeacher",
  "costPerPlace",
] as const;
export type NeedParameterId = (typeof NEED_PARAMETER_IDS)[number];

export interface NeedParameter {
  id: NeedParameterId;
  label: string;
  /** The unit a value is read in, e.g. "adults a year", "percent". */
  unit: string;
  default: number;
  min: number;
  max: number;
  /** Whether only whole numbers make sense (people, participants). */
  integer: boolean;
  source: string;
  /** Why the default is what it is, where that was a choice. */
  note: string;
}

export const NEED_PARAMETERS: readonly NeedParameter[] = [
  {
    id: "atRisk",
    label: "Adults in the UK each year at risk of recurrent depression who could benefit from MBCT",
    unit: "adults a year (UK)",
    default: 580_000,
    min: 50_000,
    max: 5_000_000,
    integer: true,
    source: "Mindful Nation UK, Mindfulness All-Party Parliamentary Group (MAPPG), October 2015",
    note: "Scaled to each area by its share of the UK's adults (18+): an area with 1% of the UK's adults needs 1% of the places.",
  },
  {
    id: "commissionPct",
    label: "Share of them to commission MBCT for each year",
    unit: "percent",
    default: 15,
    min: 1,
    max: 100,
    integer: false,
    source:
      "Mindful Nation UK (2015): commission MBCT for 87,000 adults a year, about 15% of the 580,000 at risk",
    note: "Places needed = adults at risk × this share. With the defaults the UK needs 87,000 places a year.",
  },
  {
    id: "groupSize",
    label: "Participants per course",
    unit: "participants",
    default: 12,
    min: 8,
    max: 15,
    integer: true,
    source: "NICE CG90 (2009): MBCT in groups of 8 to 15 participants",
    note: "12 is the atlas's choice within NICE's 8 to 15; courses needed = places needed ÷ participants per course.",
  },
  {
    id: "teachersPerCourse",
    label: "Trained teachers leading each course",
    unit: "teachers",
    default: 1,
    min: 1,
    max: 3,
    integer: false,
    source:
      "The atlas's assumption: one trained MBCT teacher leads a course; services that co-teach can set 2 (NICE NG222's group CBT comparator uses 2 practitioners)",
    note: "Teacher-courses needed = courses × teachers per course.",
  },
  {
    id: "coursesPerTeacher",
    label: "Courses one teacher can run a year",
    unit: "courses a year",
    default: 2,
    min: 1,
    max: 12,
    integer: false,
    source: "Patten & Meadows, 2009: a therapist runs two 10-person MBCT groups a year",
    note: "Teachers needed = teacher-courses ÷ courses per teacher; an 8-week course with 4 follow-ups (NICE CG90) sets the ceiling.",
  },
  {
    id: "costPerPlace",
    label: "Cost per participant",
    unit: "pounds per participant (2015 prices)",
    default: 112,
    min: 10,
    max: 5_000,
    integer: false,
    source: "Mindful Nation UK (2015): £112 per person, £9.7m a year for 87,000 places",
    note: "In 2015 prices, not adjusted for inflation.",
  },
];

/** One value per assumption. */
export type NeedAssumptions = Readonly<Record<NeedParameterId, number>>;

export const DEFAULT_NEED_ASSUMPTIONS: NeedAssumptions = Object.freeze(
  Object.fromEntries(NEED_PARAMETERS.map((p) => [p.id, p.default])) as Record<NeedParameterId, number>,
);

const BY_ID = new Map(NEED_PARAMETERS.map((p) => [p.id, p]));

export function needParameter(id: NeedParameterId): NeedParameter {
  return BY_ID.get(id)!;
}

/** A problem with one assumption, naming the parameter (the API turns it into problem+json). */
export interface NeedParameterProblem {
  parameter: NeedParameterId;
  value: string;
  message: string;
}

/**
 * Reads assumptions from text values (query parameters): missing ones take their defaults; a value that is
 * not a number, not whole where it must be, or outside its bounds is a problem naming the parameter.
 * @example parseNeedAssumptions({ groupSize: "10" }).assumptions.groupSize // 10
 */
export function parseNeedAssumptions(raw: Partial<Record<NeedParameterId, string | undefined>>): {
  assumptions: NeedAssumptions;
  problems: NeedParameterProblem[];
} {
  const values: Record<string, number> = { ...DEFAULT_NEED_ASSUMPTIONS };
  const problems: NeedParameterProblem[] = [];
  for (const parameter of NEED_PARAMETERS) {
    const text = raw[parameter.id];
    if (text === undefined) continue;
    const trimmed = text.trim();
    const value = /^[+]?(\d+(\.\d*)?|\.\d+)$/.test(trimmed) ? Number(trimmed) : Number.NaN;
    const problem = (message: string) => problems.push({ parameter: parameter.id, value: text, message });
    if (!Number.isFinite(value)) problem(`"${text}" is not a number; ${describeBounds(parameter)}`);
    else if (parameter.integer && !Number.isInteger(value))
      problem(`${value} is not a whole number; ${describeBounds(parameter)}`);
    else if (value < parameter.min || value > parameter.max)
      problem(`${value} is outside the allowed range; ${describeBounds(parameter)}`);
    else values[parameter.id] = value;
  }
  return { assumptions: Object.freeze(values) as NeedAssumptions, problems };
}

function describeBounds(p: NeedParameter): string {
  return `${p.id} (${p.label.toLowerCase()}) must be ${p.integer ? "a whole number " : ""}from ${p.min} to ${p.max} ${p.unit}`;
}

/** Whether every assumption has its default (responses for the defaults may be cached). */
export function isDefaultNeed(assumptions: NeedAssumptions): boolean {
  return NEED_PARAMETER_IDS.every((id) => assumptions[id] === DEFAULT_NEED_ASSUMPTIONS[id]);
}

/** The assumptions that differ from their defaults, for URLs, cache keys and export filters. */
export function changedNeedAssumptions(
  assumptions: NeedAssumptions,
): Partial<Record<NeedParameterId, number>> {
  const out: Partial<Record<NeedParameterId, number>> = {};
  for (const id of NEED_PARAMETER_IDS)
    if (assumptions[id] !== DEFAULT_NEED_ASSUMPTIONS[id]) out[id] = assumptions[id];
  return out;
}
