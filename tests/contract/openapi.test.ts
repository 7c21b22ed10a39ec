import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { loadDemoData } from "@atlas/api";
import { buildTestApp, type TestApp } from "@atlas/api/testing";
import { Validator } from "@seriousme/openapi-schema-validator";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT } from "../support/server-process";

/**
 * What an outside client sees: the published OpenAPI document is valid OpenAPI 3.1 (checked by an
 * independent validator), and real responses validate against the schemas it publishes (checked with Ajv,
 * not with the zod schemas the server was built from).
 */
const REQUESTS = [
  "/api/health",
  "/api/waves",
  "/api/areas?level=region",
  "/api/places",
  "/api/metrics",
  "/api/coverage?wave=2026&level=local&metric=offering_pct",
  "/api/coverage?wave=2016&level=organisation&metric=participants_per_100k",
  "/api/trends?metric=completion_pct&level=region&basis=current",
  "/api/gaps?wave=2024&level=local",
  "/api/organisations",
  "/api/organisations?wave=2026",
  "/api/organisations/RV3",
  "/api/factors?wave=2020",
  "/api/transitions?from=2012&to=2026",
  "/api/export?view=coverage&format=json&wave=2026&level=nation",
];

type Doc = { paths: Record<string, Record<string, unknown>> };

/** The JSON pointer (inside the document) of a path's 200 response schema. */
function responsePointer(doc: Doc, url: string): string {
  const path = new URL(url, "http://x").pathname;
  const template = Object.keys(doc.paths).find((p) =>
    new RegExp(`^${p.replace(/\{[^}]+\}/g, "[^/]+")}$`).test(path),
  );
  if (!template) throw new Error(`${path} is not documented`);
  const escaped = template.replace(/~/g, "~0").replace(/\//g, "~1");
  return `#/paths/${escaped}/get/responses/200/content/application~1json/schema`;
}

describe("the published OpenAPI document, as an outside client sees it", () => {
  let t: TestApp;
  let doc: Doc;
  beforeAll(async () => {
    t = await buildTestApp("sqlite", { reference: true });
    await loadDemoData(t.db);
    doc = (await (await t.app.request("/api/openapi.json")).json()) as Doc;
  });
  afterAll(async () => {
    await t?.close();
  });

  it("is valid OpenAPI 3.1", async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(doc) as Parameters<Validator["validate"]>[0]);
    expect(result.errors ?? []).toEqual([]);
    expect(validator.version).toBe("3.1");
  });

  // Redocly's recommended ruleset, as outside tools (and generated clients) apply it: no errors (security on
  // every operation, servers, licence, unique operationIds), and no warnings but one kind: the four routes
  // that have no client error to document (health, metrics, places, context take no parameters).
  it("passes redocly lint with the recommended rules", { timeout: 120_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), "atlas-openapi-"));
    try {
      const file = join(dir, "openapi.json");
      writeFileSync(file, JSON.stringify(doc));
      const redocly = join(REPO_ROOT, "node_modules/.bin/redocly");
      const { stdout } = await promisify(execFile)(
        redocly,
        ["lint", file, "--extends=recommended", "--format=json"],
        // No telemetry or update checks: the machine has no internet, and a test must not phone home.
        { env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" } },
      ).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? "" }));
      const report = JSON.parse(stdout) as {
        totals: { errors: number; warnings: number };
        problems: { ruleId: string; severity: string; message: string; location: { pointer: string }[] }[];
      };
      const shown = (kinds: string) =>
        report.problems
          .filter((p) => p.severity === kinds)
          .map((p) => `${p.ruleId} at ${p.location[0]?.pointer}: ${p.message}`);
      expect(shown("error")).toEqual([]);
      expect(shown("warn").filter((w) => !w.startsWith("operation-4xx-response"))).toEqual([]);
      expect(
        report.problems
          .filter((p) => p.ruleId === "operation-4xx-response")
          .map((p) => p.location[0]?.pointer)
          .sort(),
      ).toEqual(["context", "health", "metrics", "places"].map((r) => `#/paths/~1api~1${r}/get/responses`));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("names every operation (operationId) and says who may call it (security)", () => {
    const operations = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.entries(item).map(([method, op]) => ({
        path,
        method,
        op: op as { operationId?: string; security?: unknown[] },
      })),
    );
    expect(operations.length).toBeGreaterThan(20);
    for (const { path, method, op } of operations) {
      expect(op.operationId, `${method} ${path}`).toMatch(/^[a-z][A-Za-z]+$/);
      expect(Array.isArray(op.security), `${method} ${path}`).toBe(true);
    }
    expect(new Set(operations.map((o) => o.op.operationId)).size).toBe(operations.length);
  });

  it.each(REQUESTS)("GET %s matches its documented schema", async (url) => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats.default(ajv);
    ajv.addSchema({ ...doc, $id: "https://atlas.invalid/openapi.json" });
    const validate = ajv.getSchema(`https://atlas.invalid/openapi.json${responsePointer(doc, url)}`);
    expect(validate, url).toBeDefined();
    const res = await t.app.request(url);
    expect(res.status).toBe(200);
    const body = await res.json();
    const ok = validate!(body);
    expect(ok ? [] : validate!.errors).toEqual([]);
  });
});
