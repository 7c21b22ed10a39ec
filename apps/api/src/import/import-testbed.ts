import type { DatabaseKind } from "@atlas/db";
import { dumpTables } from "@atlas/db/testing";
import { type Problem, ProblemSchema } from "@atlas/domain";
import { afterAll, beforeAll, expect } from "vitest";
import { readReference } from "../reference/read-reference";
import { buildTestApp, type TestApp } from "../testing";

/** Test support for POST /api/imports: a seeded wave of 84 returns, a poster, and a refusal check. */

export const IMPORT_HEADER = ["wave", "org_code", "provision"];
export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
/** The organisations open in 2026, as in issue 11: a wave of 84 returns. */
export const OPEN_2026 = readReference()
  .organisations.filter((o) => o.closedOn === null)
  .map((o) => o.code);
export const wave2026 = (provision: string) => OPEN_2026.map((code) => ["2026", code, provision]);
export const returnsCsv = (rows: string[][]) =>
  `${[IMPORT_HEADER, ...rows].map((r) => r.join(",")).join("\n")}\n`;

export interface ImportTestbed {
  /** The app, once the suite's beforeAll has run. */
  readonly t: TestApp;
  post(body: BodyInit, type: string, query?: string): Promise<Response>;
  /** Posts a file that must be refused (422) and shows nothing stored changed; gives the problem. */
  refused(body: BodyInit, type: string, query?: string): Promise<Problem>;
}

/**
 * Call inside a `describe`: builds the app with the reference data and an admin token before the suite
 * (imports in process, or in the worker thread), seeds wave 2026 with every open organisation, closes after.
 */
export function importTestbed(
  kind: DatabaseKind,
  options: { importsInWorker?: boolean } = {},
): ImportTestbed {
  const token = "import-testbed-token-0123456789";
  let app: TestApp | undefined;
  const post = async (body: BodyInit, type: string, query = ""): Promise<Response> =>
    bed.t.app.request(`/api/imports${query}`, {
      method: "POST",
      body,
      headers: { Authorization: `Bearer ${token}`, "Content-Type": type },
    });
  const bed: ImportTestbed = {
    get t() {
      if (!app) throw new Error("importTestbed: the suite's beforeAll has not run");
      return app;
    },
    post,
    async refused(body, type, query = "?replace=true") {
      const before = await dumpTables(bed.t.db.db);
      const res = await post(body, type, query);
      expect(res.status).toBe(422);
      expect(res.headers.get("content-type")).toMatch(/application\/problem\+json/);
      const problem = ProblemSchema.parse(await res.json());
      expect(await dumpTables(bed.t.db.db)).toEqual(before);
      return problem;
    },
  };
  beforeAll(async () => {
    app = await buildTestApp(kind, { reference: true, ...options, config: { adminToken: token } });
    expect(OPEN_2026).toHaveLength(84);
    const seeded = await post(returnsCsv(wave2026("routine")), "text/csv", "?fileName=returns-2026.csv");
    expect(seeded.status).toBe(201);
  });
  afterAll(async () => {
    await app?.close();
  });
  return bed;
}
