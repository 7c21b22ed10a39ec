import {
  ANSWER_COLUMNS,
  type AnswerCells,
  type AnswerColumn,
  BARRIERS,
  checkFormReturn,
  DELIVERY_MODES,
  FACILITATORS,
  FUNDING_SOURCES,
  findControlCharacter,
  PROVISIONS,
  registerLookup,
  STAGES,
  validateSurveyTable,
} from "@atlas/domain";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

/**
 * The respondent form and the importer share one set of rules (checkReturn in packages/domain): random
 * returns, valid and not, written as text cells, get the same verdict and the same messages per field from
 * the form's check (what the page runs as the respondent types, and the server on every submission) as
 * from the importer reading the same cells as a row of a file.
 */

const SCOPE = { waveId: "2026", orgCode: "RV3" };
const REGISTER = [
  {
    code: "RV3",
    name: "Central and North West London",
    openedOn: "1999-04-01",
    closedOn: null,
    successorCode: null,
  },
];

/** A vocabulary value as a person might type it: right, in another case, with spaces, or a near miss. */
const coded = (values: readonly string[]) =>
  fc.oneof(
    fc.constantFrom(...values),
    fc.constantFrom(...values).map((v) => v.toUpperCase().replace(/_/g, " ")),
    fc.constantFrom(...values).map((v) => ` ${v.replace(/_/g, "-")} `),
    fc.constantFrom(...values).map((v) => `${v.slice(0, -1)}x`),
    fc.string({ maxLength: 12 }),
  );

const list = (values: readonly string[]) =>
  fc.oneof(
    fc.subarray([...values]).map((v) => v.join(";")),
    fc
      .tuple(fc.array(coded(values), { maxLength: 4 }), fc.constantFrom(";", "; ", ",", ";;"))
      .map(([items, separator]) => items.join(separator)),
    fc.constant("x".repeat(1001)),
  );

const count = fc.oneof(
  fc.nat({ max: 200 }).map(String),
  fc.nat({ max: 200 }).map((n) => `${n}.0`),
  fc.constantFrom("12.5", "-3", "1,200", "twelve", "100001", " 7 ", "", "0", "=1+1", "1\u0000"),
  fc.string({ maxLength: 6 }),
);

const weeks = fc.oneof(
  fc.float({ min: 0, max: 600, noNaN: true }).map((n) => String(Math.round(n * 10) / 10)),
  fc.constantFrom("7,5", "-1", "abc", "", "521"),
);

const yesNo = fc.oneof(
  fc.constantFrom("yes", "no", "Y", "n", "TRUE", "false", "maybe", ""),
  fc.string({ maxLength: 4 }),
);
const support = fc.oneof(
  fc.constantFrom("0", "1", "2", "3", "3.0", "4", "-1", "high", ""),
  fc.string({ maxLength: 3 }),
);
const notes = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.constantFrom("line one\nline two", "tab\there", "bell\u0007", "x".repeat(2001), '=HYPERLINK("x")'),
);

const CELL: Record<AnswerColumn, fc.Arbitrary<string>> = {
  provision: fc.oneof(coded(PROVISIONS), fc.constant("")),
  stage: fc.oneof(coded(STAGES), fc.constant("")),
  courses_run: count,
  places_offered: count,
  participants_started: count,
  participants_completed: count,
  teachers_trained: count,
  teachers_active: count,
  median_wait_weeks: weeks,
  delivery_mode: fc.oneof(coded(DELIVERY_MODES), fc.constant("")),
  champion_present: yesNo,
  leadership_support: support,
  commissioner_support: support,
  facilitators: list(FACILITATORS),
  barriers: list(BARRIERS),
  funding_sources: list(FUNDING_SOURCES),
  notes,
};

/** Any cells: each blank or from its column's mix of right and wrong text. */
const anyCells: fc.Arbitrary<AnswerCells> = fc.record(
  Object.fromEntries(
    ANSWER_COLUMNS.map((c) => [
      c,
      fc.oneof({ weight: 3, arbitrary: fc.constant("") }, { weight: 2, arbitrary: CELL[c] }),
    ]),
  ) as Record<AnswerColumn, fc.Arbitrary<string>>,
);

/** A valid return written as cells (as a careful respondent or a good file would). */
const validCells: fc.Arbitrary<AnswerCells> = fc
  .record({
    provision: fc.constantFrom(...PROVISIONS),
    stage: fc.constantFrom("", ...STAGES),
    places: fc.nat({ max: 200 }),
    startedShare: fc.double({ min: 0, max: 1, noNaN: true }),
    completedShare: fc.double({ min: 0, max: 1, noNaN: true }),
    delivery: fc.constantFrom("", ...DELIVERY_MODES),
    champion: fc.constantFrom("", "yes", "no"),
    support: fc.constantFrom("", "0", "1", "2", "3"),
    barriers: fc.subarray([...BARRIERS]),
    notes: fc.string({ maxLength: 40 }).filter((t) => findControlCharacter(t, true) === undefined),
  })
  .map((r) => {
    const started = Math.floor(r.places * r.startedShare);
    return {
      provision: r.provision,
      stage: r.stage,
      places_offered: String(r.places),
      participants_started: String(started),
      participants_completed: String(Math.floor(started * r.completedShare)),
      delivery_mode: r.delivery,
      champion_present: r.champion,
      leadership_support: r.support,
      barriers: r.barriers.join(";"),
      notes: r.notes,
    };
  });

/** Valid returns, the same with one cell made wrong, and anything at all. */
const cellsArb: fc.Arbitrary<AnswerCells> = fc.oneof(
  validCells,
  fc
    .tuple(validCells, fc.constantFrom(...ANSWER_COLUMNS))
    .chain(([cells, column]) => CELL[column].map((bad) => ({ ...cells, [column]: bad }))),
  anyCells,
);

function importerVerdict(cells: AnswerCells) {
  const header = ["wave", "org_code", ...ANSWER_COLUMNS];
  const row = [SCOPE.waveId, SCOPE.orgCode, ...ANSWER_COLUMNS.map((c) => cells[c] ?? "")];
  const result = validateSurveyTable(
    { headerRow: 1, header, rows: [{ row: 2, cells: row }] },
    { file: "returns.csv", organisations: REGISTER },
  );
  if (result.ok)
    return { ok: true, value: result.waves[0]!.returns[0], messages: new Map<string, string[]>() };
  const messages = new Map<string, string[]>();
  for (const p of result.problems) {
    expect(p).toMatchObject({ file: "returns.csv", row: 2 });
    messages.set(p.column!, [...(messages.get(p.column!) ?? []), p.message]);
  }
  return { ok: false, value: undefined, messages };
}

function formVerdict(cells: AnswerCells, withRegister: boolean) {
  const check = checkFormReturn(cells, SCOPE, withRegister ? { register: registerLookup(REGISTER) } : {});
  const messages = new Map<string, string[]>();
  for (const p of check.problems) messages.set(p.column, [...(messages.get(p.column) ?? []), p.message]);
  return { ok: check.value !== undefined, value: check.value, messages };
}

const sorted = (m: Map<string, string[]>) => [...m.entries()].sort(([a], [b]) => (a < b ? -1 : 1));

describe("one set of rules for the respondent form and the importer", () => {
  it("gives random returns the same verdict and the same messages per field", () => {
    let valid = 0;
    let invalid = 0;
    fc.assert(
      fc.property(cellsArb, (cells) => {
        const file = importerVerdict(cells);
        for (const withRegister of [false, true]) {
          const form = formVerdict(cells, withRegister);
          expect(form.ok).toBe(file.ok);
          expect(sorted(form.messages)).toEqual(sorted(file.messages));
          expect(form.value).toEqual(file.value);
        }
        if (file.ok) valid++;
        else invalid++;
      }),
      { numRuns: 600 },
    );
    // Both kinds were tried, many times.
    expect(valid).toBeGreaterThan(50);
    expect(invalid).toBeGreaterThan(50);
  });
});
