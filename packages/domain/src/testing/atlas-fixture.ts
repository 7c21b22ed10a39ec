import type { AtlasData } from "../metrics/atlas-index";
import type { Area, Organisation, Wave } from "../reference";
import { blankReturn, type SurveyReturn } from "../survey-return";

/**
 * A small atlas whose every metric can be worked out by hand (the tests show the arithmetic).
 *
 * UK 1,200,000 adults
 * ├─ England E92000001 (1,000,000)
 * │  ├─ London E40000003 (600,000): L1 E54000027 (300,000) [RV3, RRP], L2 E54000028 (300,000) [RQY, RW1†]
 * │  └─ South East E40000005 (400,000): L3 E54000064 (400,000) [RX2, RXX†]
 * └─ Scotland S92000003 (200,000)
 *    └─ Scotland region S40000001 (200,000): L4 S08000015 (120,000) [SA9], L5 S08000016 (80,000) [S08000016]
 * Board S08000016 shares its code with its area, as Scottish health boards do in the real reference data.
 * † RXX closed 2023-04-01 into RX2 (same area); RW1 closed 2023-06-30 into RV3 (from L2 into L1).
 * Waves: 2022 (real), 2024 (synthetic).
 */
export const FIXTURE_AREAS: Area[] = [
  area("E92000001", "England", "nation", null, 1_000_000),
  area("S92000003", "Scotland", "nation", null, 200_000),
  area("E40000003", "London", "region", "E92000001", 600_000),
  area("E40000005", "South East", "region", "E92000001", 400_000),
  area("S40000001", "Scotland (region)", "region", "S92000003", 200_000),
  area("E54000027", "Local One", "local", "E40000003", 300_000),
  area("E54000028", "Local Two", "local", "E40000003", 300_000),
  area("E54000064", "Local Three", "local", "E40000005", 400_000),
  area("S08000015", "Local Four", "local", "S40000001", 120_000),
  area("S08000016", "Local Five", "local", "S40000001", 80_000),
];

export const FIXTURE_ORGANISATIONS: Organisation[] = [
  org("RV3", "Org RV3", "E54000027"),
  org("RRP", "Org RRP", "E54000027"),
  org("RQY", "Org RQY", "E54000028"),
  org("RW1", "Org RW1", "E54000028", { closedOn: "2023-06-30", successorCode: "RV3" }),
  org("RX2", "Org RX2", "E54000064"),
  org("RXX", "Org RXX", "E54000064", { closedOn: "2023-04-01", successorCode: "RX2" }),
  org("SA9", "Board SA9", "S08000015", { type: "health_board" }),
  org("S08000016", "Board S08000016", "S08000016", { type: "health_board" }),
];

export const FIXTURE_WAVES: Wave[] = [
  {
    id: "2022",
    label: "2022 survey",
    fieldworkStart: null,
    fieldworkEnd: null,
    synthetic: false,
    source: "fixture",
  },
  {
    id: "2024",
    label: "2024 survey",
    fieldworkStart: null,
    fieldworkEnd: null,
    synthetic: true,
    source: "fixture",
  },
];

export const FIXTURE_RETURNS: SurveyReturn[] = [
  // 2022
  ret("2022", "RV3", "routine", {
    stage: "developmental",
    placesOffered: 12,
    teachersActive: 2,
    participantsStarted: 10,
    participantsCompleted: 8,
    medianWaitWeeks: 8,
    championPresent: true,
  }),
  ret("2022", "RRP", "limited", {
    stage: "starting_out",
    placesOffered: 8,
    teachersActive: 1,
    participantsStarted: 6,
    participantsCompleted: 6,
    medianWaitWeeks: 4,
    championPresent: true,
  }),
  ret("2022", "RQY", "paused", { stage: "starting_out", championPresent: false }),
  ret("2022", "RW1", "limited", {
    stage: "starting_out",
    placesOffered: 6,
    teachersActive: 1,
    participantsStarted: 2,
    participantsCompleted: 2,
    championPresent: true,
  }),
  ret("2022", "RX2", "none", { stage: "not_started" }),
  ret("2022", "RXX", "routine", {
    stage: "sustainable",
    placesOffered: 10,
    teachersActive: 2,
    participantsStarted: 8,
    participantsCompleted: 4,
    medianWaitWeeks: 12,
    championPresent: true,
  }),
  // Withheld: these figures must never show anywhere.
  ret("2022", "SA9", "withheld", {
    stage: "sustainable",
    placesOffered: 30,
    participantsStarted: 25,
    participantsCompleted: 20,
    medianWaitWeeks: 2,
  }),
  ret("2022", "S08000016", "no_response", {}),
  // 2024
  ret("2024", "RV3", "routine", {
    stage: "sustainable",
    placesOffered: 240,
    teachersActive: 3,
    participantsStarted: 20,
    participantsCompleted: 15,
    medianWaitWeeks: 6,
    championPresent: true,
    facilitators: ["local_champion", "leadership_support"],
    barriers: ["service_targets"],
  }),
  ret("2024", "RRP", "none", {
    stage: "not_started",
    championPresent: false,
    barriers: ["financial_pressure", "no_trained_teachers"],
  }),
  ret("2024", "RQY", "limited", {
    stage: "developmental",
    placesOffered: 4,
    teachersActive: 1,
    participantsStarted: 3,
    participantsCompleted: 2,
    medianWaitWeeks: 10,
    championPresent: true,
    facilitators: ["local_champion"],
    barriers: ["financial_pressure"],
  }),
  ret("2024", "RX2", "no_response", {}),
  ret("2024", "SA9", "not_applicable", {}),
];

export const FIXTURE: AtlasData = {
  areas: FIXTURE_AREAS,
  organisations: FIXTURE_ORGANISATIONS,
  waves: FIXTURE_WAVES,
  returns: FIXTURE_RETURNS,
};

function area(
  code: string,
  name: string,
  level: Area["level"],
  parentCode: string | null,
  adultPopulation: number,
): Area {
  return {
    code,
    name,
    level,
    parentCode,
    adultPopulation,
    populationYear: 2022,
    populationSource: "fixture",
  };
}

function org(code: string, name: string, areaCode: string, extra: Partial<Organisation> = {}): Organisation {
  return {
    code,
    name,
    type: "mental_health_trust",
    areaCode,
    lat: 51.5,
    lon: -0.1,
    openedOn: null,
    closedOn: null,
    successorCode: null,
    source: "fixture",
    ...extra,
  };
}

function ret(
  waveId: string,
  orgCode: string,
  provision: SurveyReturn["provision"],
  extra: Partial<SurveyReturn>,
): SurveyReturn {
  return { ...blankReturn(waveId, orgCode, provision), ...extra };
}
