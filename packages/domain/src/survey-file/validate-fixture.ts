/** Shared fixture for the validation tests: a few organisations, one closed into a successor. */
import type { KnownOrganisation } from "./return-rules";
import type { SurveyTable } from "./validate";
import { validateSurveyTable } from "./validate";

export const organisations: KnownOrganisation[] = [
  {
    code: "RV3",
    name: "Central and North West London",
    openedOn: "1999-04-01",
    closedOn: null,
    successorCode: null,
  },
  { code: "RAT", name: "North East London", openedOn: null, closedOn: null, successorCode: null },
  { code: "OLD1", name: "Old Trust", openedOn: "2001-04-01", closedOn: "2019-03-31", successorCode: "NEW1" },
  { code: "NEW1", name: "New Trust", openedOn: "2019-04-01", closedOn: null, successorCode: null },
];

/** A table from lines of comma-separated cells (no quoting needed in these tests); header is row 1. */
export function table(...lines: string[]): SurveyTable {
  const [header, ...rows] = lines.map((l) => l.split(","));
  return { headerRow: 1, header: header!, rows: rows.map((cells, i) => ({ row: i + 2, cells })) };
}

export const HEADER =
  "wave,org_code,provision,places_offered,participants_started,participants_completed,barriers,notes";

export function problemsOf(t: SurveyTable | null) {
  const result = validateSurveyTable(t, { file: "f.csv", organisations });
  if (result.ok) throw new Error("expected problems");
  return result.problems;
}
