import { SURVEY_COLUMNS } from "@atlas/domain";
import { describe, expect, it } from "vitest";
import { decodeCsv } from "./decode-csv";

const HEADER = SURVEY_COLUMNS.join(",");
/** A full-width row of the template's 19 columns, notes last. */
const row = (org: string, notes: string) =>
  `2026,${org},routine,sustainable,4,52,47,36,6,4,9.5,hybrid,yes,3,3,local_champion,service_targets,core_service_budget,${notes}`;

const refused = (text: string) => {
  const decoded = decodeCsv(text, "returns.csv", 1000);
  if (decoded.ok) throw new Error("expected the CSV to be refused");
  return decoded.problems;
};

describe("the runaway-quote rule", () => {
  it("refuses a quote opened in one row's notes and closed five rows later, naming the row where it opened", () => {
    const lines = [
      HEADER,
      row("RX4", "Groups in Newcastle"),
      row("RRP", "Pilot group"),
      row("R1F", '"Teacher left in March'), // the quote opens here, row 4
      row("RV3", "ok"),
      row("RAT", "ok"),
      row("RWK", "ok"),
      row("RXT", "ok"),
      row("RX2", 'Two courses"'), // and closes here, five rows later
      row("BHSCT", "after"),
    ];
    const problems = refused(`${lines.join("\n")}\n`);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: "returns.csv", row: 4, column: "notes" });
    expect(problems[0]!.message).toMatch(
      /^a quoted cell in row 4 \(line 4 of the file\) runs over 5 line breaks and holds what looks like a row of its own \("2026,RV3,routine,sustainable,.*" on line 5\): a quote was probably left open in row 4\./,
    );
  });

  it("imports notes with line breaks and prose, even prose with years, codes and commas", () => {
    const notes = [
      '"Groups in Newcastle\nand online."',
      '"Para one.\n\nPara two, with a comma, and another, and more: a, b, c."',
      '"2026 plan: RX4 and RRP share a teacher\n2027, RX4 alone"',
      '"Courses:\n- spring, 2 groups\n- autumn, 1 group"',
    ];
    const text = `${[HEADER, ...notes.map((n, i) => row(`R${i}A`, n))].join("\r\n")}\r\n`;
    const decoded = decodeCsv(text, "returns.csv", 1000);
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    expect(decoded.table!.rows.map((r) => r.cells[18])).toEqual(notes.map((n) => n.slice(1, -1)));
  });

  it("finds swallowed rows by the header's own wave and org_code columns, wherever they are", () => {
    const text =
      'notes,org_code,provision,wave\n"opened here,RV3,routine,2026\nn2,RAT,none,2026\nx",RWK,none,2026\n';
    const [p] = refused(text);
    expect(p).toMatchObject({ row: 2, column: "notes" });
    expect(p!.message).toMatch(/"n2,RAT,none,2026" on line 3/);
  });

  it("refuses a swallowed line with as many commas as the header, whatever its first cells hold", () => {
    const text = `${HEADER}\n${row("RX4", '"note')}\n${row("rrp", "typo in the code").replace("2026", "26")}"\n`;
    const [p] = refused(text);
    expect(p).toMatchObject({ row: 2, column: "notes" });
  });

  it("names the row of a quote that is never closed", () => {
    const [p] = refused(
      `${HEADER}\n${row("RX4", "ok")}\n${row("RRP", '"never closed')}\n${row("R1F", "ok")}\n`,
    );
    expect(p).toMatchObject({ row: 3 });
    expect(p!.message).toMatch(/^a quote opened in row 3 is never closed/);
  });
});
